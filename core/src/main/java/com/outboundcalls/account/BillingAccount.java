package com.outboundcalls.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

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
 * @param changes         later changes of the fixed part, each from its effective day, in date order: the plan,
 *                        numbers, users and licences above are those of the first day
 */
public record BillingAccount(String clientId, Plan plan, Units numbers, Units users, Units licences,
                             LocalDate subscribedOn, LocalDate terminatedOn, LegalEntity identity,
                             int paymentTermDays, LocalDate terminationNoticeOn, List<Terms> changes) {

    public BillingAccount(String clientId, Plan plan, Units numbers, Units users, Units licences,
                          LocalDate subscribedOn, LocalDate terminatedOn, LegalEntity identity, int paymentTermDays) {
        this(clientId, plan, numbers, users, licences, subscribedOn, terminatedOn, identity, paymentTermDays, null,
                List.of());
    }

    public BillingAccount(String clientId, Plan plan, Units numbers, Units users, Units licences,
                          LocalDate subscribedOn, LocalDate terminatedOn, LegalEntity identity, int paymentTermDays,
                          LocalDate terminationNoticeOn) {
        this(clientId, plan, numbers, users, licences, subscribedOn, terminatedOn, identity, paymentTermDays,
                terminationNoticeOn, List.of());
    }

    /** The fixed part from a day on: plan, numbers, users and licences with their prices. */
    public record Terms(LocalDate from, Plan plan, Units numbers, Units users, Units licences) {
        public Terms {
            if (from == null || plan == null) {
                throw new IllegalArgumentException("terms have a first day and a plan");
            }
            numbers = numbers == null ? Units.NONE : numbers;
            users = users == null ? Units.NONE : users;
            licences = licences == null ? Units.NONE : licences;
        }

        /** Whether these terms charge more than {@code before} for anything they both have: a price increase. */
        public boolean raisesPricesOf(Terms before) {
            return plan.monthlyPrice().compareTo(before.plan().monthlyPrice()) > 0
                    || numbers.unitPrice().compareTo(before.numbers().unitPrice()) > 0
                    || users.unitPrice().compareTo(before.users().unitPrice()) > 0
                    || licences.unitPrice().compareTo(before.licences().unitPrice()) > 0;
        }
    }

    /** The terms in force on a day (the first terms before the subscription's first day). */
    public Terms termsOn(LocalDate day) {
        Terms current = new Terms(subscribedOn, plan, numbers, users, licences);
        for (Terms change : changes) {
            if (!change.from().isAfter(day)) {
                current = change;
            }
        }
        return current;
    }

    /** The same account with these terms from their day on (replacing a change set for that same day). */
    public BillingAccount withChange(Terms terms) {
        if (!terms.from().isAfter(subscribedOn)) {
            throw new IllegalArgumentException("a change takes effect after the subscription's first day "
                    + subscribedOn);
        }
        List<Terms> all = new ArrayList<>(changes);
        all.removeIf(t -> t.from().equals(terms.from()));
        all.add(terms);
        all.sort(java.util.Comparator.comparing(Terms::from));
        return new BillingAccount(clientId, plan, numbers, users, licences, subscribedOn, terminatedOn, identity,
                paymentTermDays, terminationNoticeOn, all);
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
        changes = changes == null ? List.of() : List.copyOf(changes);
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
                paymentTermDays, terminationNoticeOn, changes);
    }

    /** The earliest last day of service for a notice received on a day: one month later (terms). */
    public static LocalDate earliestLastDay(LocalDate noticeReceivedOn) {
        return noticeReceivedOn.plusMonths(1);
    }
}
