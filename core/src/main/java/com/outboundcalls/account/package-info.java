/** Clients, campaigns and their rules (calling hours, caller IDs, call attributes, file formats), billing accounts and legal identities, administered with an audit trail. */
package com.outboundcalls.account;
