package com.outboundcalls.account;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amazon Connect's limits on the attributes a call carries: keys of letters, digits, dash and underscore, and
 * 32,768 UTF-8 bytes of keys and values in all. The budget is split so that nothing is refused at call time:
 * a campaign's own attributes (ids, script reference, free instructions) must leave {@link #CONTACT_BUDGET}
 * bytes, checked when the campaign is set up; a contact's columns must fit in it, checked when its file is read.
 */
public final class CallAttributes {

    public static final int TOTAL_BYTES = 32_768;
    public static final int CONTACT_BUDGET = 8_192;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,127}");
    /** What the ids and the attempt take at most (client, campaign and contact ids, attempt number, keys). */
    private static final int IDS_BYTES = 512;

    /** Set by the dialer on an agent-assisted call: its dialing mode, and the queue the flow puts it in. */
    public static final String DIALING_MODE = "dialing_mode";
    public static final String ROUTING_QUEUE = "routing_queue";
    /** Set by the dialer on an agent-assisted call: what a callee no agent takes hears (naming the client). */
    public static final String ABANDONED_MESSAGE = "abandoned_message";
    /** Set by the dialer on a callback the callee asked for: the agent they spoke to, whom the flow tries first. */
    public static final String PREFERRED_AGENT = "preferred_agent";
    /** Set by the agent when the conversation ends: how it ended (see the rater's dispositions). */
    public static final String DISPOSITION = "disposition";
    /** Set by the agent with a callback disposition: the local date and time the callee asked for. */
    public static final String CALLBACK_AT = "callback_at";
    /** Set by the flow when the callee asks not to be called again. */
    public static final String CALLEE_REFUSED = "callee_refused";

    private CallAttributes() {
    }

    /** Why a campaign's attributes would not leave room for its contacts', or empty when they do. */
    public static Optional<String> refusal(Campaign campaign) {
        int bytes = IDS_BYTES + bytes("instructionsRef", campaign.instructionsRef())
                + bytes("instructions", campaign.instructions());
        if (bytes > TOTAL_BYTES - CONTACT_BUDGET) {
            return Optional.of("the campaign's instructions take " + bytes + " bytes of the " + TOTAL_BYTES
                    + " a call carries; at most " + (TOTAL_BYTES - CONTACT_BUDGET) + " leave room for the contact's columns");
        }
        return Optional.empty();
    }

    /** Why a contact's columns would not fit on its calls, or empty when they do. */
    public static Optional<String> refusal(Map<String, String> contactAttributes) {
        int bytes = 0;
        for (Map.Entry<String, String> e : contactAttributes.entrySet()) {
            bytes += contactBytes(e.getKey(), e.getValue());
        }
        return contactRefusal(bytes);
    }

    /** Why columns taking this many bytes would not fit on a call, or empty when they do. */
    public static Optional<String> contactRefusal(int bytes) {
        if (bytes > CONTACT_BUDGET) {
            return Optional.of("the row's extra columns take " + bytes + " bytes, and a call carries at most "
                    + CONTACT_BUDGET + " for them");
        }
        return Optional.empty();
    }

    /** The bytes one contact column takes on a call: its key (see {@link #key}) and its value, in UTF-8. */
    public static int contactBytes(String column, String value) {
        // Every character of a key is ASCII (anything else becomes '_'): its length is its size.
        return value == null ? 0 : Math.min(127, 2 + column.length()) + utf8Length(value);
    }

    private static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** The attribute key a contact column travels under: {@code x_} and the column with anything else as {@code _}. */
    public static String key(String column) {
        String key = "x_" + NOT_KEY.matcher(column).replaceAll("_");
        return key.length() > 127 ? key.substring(0, 127) : key;
    }

    private static final Pattern NOT_KEY = Pattern.compile("[^A-Za-z0-9_-]");

    static boolean isValidKey(String key) {
        return KEY.matcher(key).matches();
    }

    private static int bytes(String key, String value) {
        return value == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length
                + value.getBytes(StandardCharsets.UTF_8).length;
    }
}
