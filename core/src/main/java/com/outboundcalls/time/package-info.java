/** Time as the product reads it: the billing zone, callees' zones by region, French public holidays, stored instants, waiting on a clock. */
package com.outboundcalls.time;
