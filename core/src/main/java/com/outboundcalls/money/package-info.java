/** Amounts in euros, and the one place where they are rounded. */
package com.outboundcalls.money;
