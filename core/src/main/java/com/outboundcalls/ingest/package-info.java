/** Contact files read, validated and stored, with their reports; suppression files. */
package com.outboundcalls.ingest;
