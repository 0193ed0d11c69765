package com.outboundcalls.mail;

/** Sends mails (Amazon SES in production): each mail id at most once, whatever the retries. */
public interface Mailer {

    /** Sends the mail unless a mail of the same id was sent already; whether it was sent now. */
    boolean send(Mail mail);
}
