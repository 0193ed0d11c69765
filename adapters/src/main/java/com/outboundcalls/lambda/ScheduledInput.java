package com.outboundcalls.lambda;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The input template.yaml gives scheduled functions: {@code {"scheduledTime":"<aws.scheduler.scheduled-time>"}},
 * which EventBridge Scheduler fills with the occurrence's time. A run keyed on it is the same run when retried.
 */
public final class ScheduledInput {
    private ScheduledInput() {
    }

    public static Instant scheduledTime(Map<String, Object> input, Clock clock) {
        Object value = input == null ? null : input.get("scheduledTime");
        if (value == null || value.toString().isBlank() || value.toString().startsWith("<")) {
            return clock.instant();
        }
        return Instant.parse(value.toString());
    }
}
