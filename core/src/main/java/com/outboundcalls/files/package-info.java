/** Files the product writes: where they go, and cells made safe for spreadsheets. */
package com.outboundcalls.files;
