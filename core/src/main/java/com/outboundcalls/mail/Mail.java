package com.outboundcalls.mail;

import java.util.List;

/**
 * A message to people of a client's firm, in French: to whom, its subject, its text and HTML bodies. Its id names
 * what it tells (the invoice, the file) so that telling it again, on a retried event, sends nothing more.
 */
public record Mail(String id, List<String> to, String subject, String text, String html) {

    public Mail {
        to = List.copyOf(to);
    }
}
