/** Calls rated per second from versioned price lists, contacts settled by outcome, lines audited. */
package com.outboundcalls.rate;
