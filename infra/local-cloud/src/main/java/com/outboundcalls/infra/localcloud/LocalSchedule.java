package com.outboundcalls.infra.localcloud;

import java.time.Instant;

/** A schedule of the template (EventBridge Scheduler): when it fires next, and what it last fired for. */
final class LocalSchedule {
    final String name;
    final ScheduleExpression expression;
    final String input;
    final LocalFunction function;
    Instant next;
    Instant last;

    LocalSchedule(String name, ScheduleExpression expression, String input, LocalFunction function, Instant start) {
        this.name = name;
        this.expression = expression;
        this.input = input;
        this.function = function;
        this.last = start;
        this.next = expression.nextAfter(start);
    }
}
