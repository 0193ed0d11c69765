/** What clients read: campaign reports and dashboards, from counters kept as things happen. */
package com.outboundcalls.report;
