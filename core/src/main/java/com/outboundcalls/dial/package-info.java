/** Calls placed: the feeder's pacing and fair shares, the dialer's last checks, lines and quotas. */
package com.outboundcalls.dial;
