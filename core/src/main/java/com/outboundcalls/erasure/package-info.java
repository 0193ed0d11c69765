/**
 * Callee data erased: a callee's number on request, and a client's whole data at the end of its contract, once
 * returned to it.
 */
package com.outboundcalls.erasure;
