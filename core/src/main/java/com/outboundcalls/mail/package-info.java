/** Mails to the people of a client's firm: what a mail is, and the port that sends each one once. */
package com.outboundcalls.mail;
