/** Phone numbers: parsing, E.164, number types, and why a number is refused. */
package com.outboundcalls.phone;
