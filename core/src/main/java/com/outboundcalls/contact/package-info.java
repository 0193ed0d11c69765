/** Contacts and their state machine (every status change, its guard, history and counters), and opposition lists. */
package com.outboundcalls.contact;
