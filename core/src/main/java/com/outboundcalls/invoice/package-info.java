/** Monthly invoices, credit notes, payments, late penalties, dunning, and the exports finance pulls. */
package com.outboundcalls.invoice;
