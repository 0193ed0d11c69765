/** A callee's number erased from a client's data on request: contacts, histories, report rows, uploaded files. */
package com.outboundcalls.erasure;
