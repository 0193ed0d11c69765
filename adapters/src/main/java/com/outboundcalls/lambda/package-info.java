/** Lambda plumbing: the function's runtime, partial batch failures, metrics, structured logs, HTTP JSON. */
package com.outboundcalls.lambda;
