/** The one wiring place: each function container's clients and adapters, built once. */
package com.outboundcalls.glue;
