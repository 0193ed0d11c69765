package com.outboundcalls.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a client is billed for every month, and who it is billed to.
 *
 * @param plan            the subscribed plan and its monthly price excluding VAT
 * @param numbers         phone numbers rented, and the monthly price of one
 * @param users           user accounts, and the monthly price of one
 * @param licences        call-center licences, and the monthly price of one
 * @param subscribedOn    first day of service: the first period runs from it to the end of its month, prorated
 * @param terminatedOn    last day of service, or null; the month it falls in is due in full
 * @param identity        the client's legal identity, printed on its invoices
 * @param paymentTermDays days from issue to the due date
 * @param terminationNoticeOn the day the client's notice of termination was received, or null; the last day of
 *                        service is one month after it at the earliest
 */
public record BillingAccount(String clientId, Plan plan, Units numbers, Units users, Units licences,
                             LocalDate subscribedOn, LocalDate terminatedOn, LegalEntity identity,
                             int paymentTermDays, LocalDate terminationNoticeOn) {

    public BillingAccount(String clientId, Plan plan, Units numbers, Units users, Units licences,
                          LocalDate subscribedOn, LocalDate terminatedOn, LegalEntity identity, int paymentTermDays) {
        this(clientId, plan, numbers, users, licences, subscribedOn, terminatedOn, identity, paymentTermDays, null);
    }

    public static final int DEFAULT_PAYMENT_TERM_DAYS = 30;

    /** A plan's name and monthly price, excluding VAT. */
    public record Plan(String name, BigDecimal monthlyPrice) {
        public Plan {
            if (name == null || name.isBlank() || monthlyPrice == null || monthlyPrice.signum() < 0) {
                throw new IllegalArgumentException("a plan has a name and a monthly price of zero or more");
            }
        }
    }

    /** A count of billed units (numbers, users, licences) and the monthly price of one. */
    public record Units(int quantity, BigDecimal unitPrice) {
        public static final Units NONE = new Units(0, BigDecimal.ZERO);

        public Units {
            if (quantity < 0 || unitPrice == null || unitPrice.signum() < 0) {
                throw new IllegalArgumentException("a unit count and its price cannot be negative");
            }
        }
    }

    public BillingAccount {
        if (clientId == null || plan == null || subscribedOn == null || identity == null) {
            throw new IllegalArgumentException("a billing account needs a client, a plan, a subscription date and "
                    + "a legal identity");
        }
        numbers = numbers == null ? Units.NONE : numbers;
        users = users == null ? Units.NONE : users;
        licences = licences == null ? Units.NONE : licences;
        if (terminatedOn != null && terminatedOn.isBefore(subscribedOn)) {
            throw new IllegalArgumentException("termination " + terminatedOn + " precedes subscription " + subscribedOn);
        }
        if (paymentTermDays < 0 || paymentTermDays > 60) {
            throw new IllegalArgumentException("payment terms must be 0 to 60 days (Code de commerce L441-10)");
        }
    }

    /** Whether the subscription runs on some day of this month. */
    public boolean subscribedDuring(YearMonth period) {
        return !subscribedOn.isAfter(period.atEndOfMonth())
                && (terminatedOn == null || !terminatedOn.isBefore(period.atDay(1)));
    }

    public BillingAccount terminatedOn(LocalDate lastDay) {
        return new BillingAccount(clientId, plan, numbers, users, licences, subscribedOn, lastDay, identity,
                paymentTermDays, terminationNoticeOn);
    }

    /** The earliest last day of service for a notice received on a day: one month later (terms). */
    public static LocalDate earliestLastDay(LocalDate noticeReceivedOn) {
        return noticeReceivedOn.plusMonths(1);
    }
}
