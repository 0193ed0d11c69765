package com.outboundcalls.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The type of a number (mobile, fixed line, premium rate, ...) for the calling codes that belong to one region
 * only, decided as libphonenumber decides it, from libphonenumber's own metadata.
 * <p>
 * libphonenumber's {@code getNumberType} matches up to eleven regular expressions per number, looked up in a
 * shared synchronized cache each time: most of a row's time when a file is validated. Here each region's
 * descriptions are compiled once into deterministic automata over the ten digits, and those into their product,
 * so one walk over a number's digits says which descriptions it matches. A unit test compares the answers with
 * libphonenumber's on every example number and many random numbers of every region.
 */
final class NumberTypes {

    /** The special types, in the order libphonenumber tries them before fixed line and mobile. */
    private static final List<PhoneNumberType> SPECIAL = List.of(PhoneNumberType.PREMIUM_RATE,
            PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST, PhoneNumberType.VOIP,
            PhoneNumberType.PERSONAL_NUMBER, PhoneNumberType.PAGER, PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL);
    private static final int GENERAL = 1;
    private static final int FIXED_LINE = 1 << (SPECIAL.size() + 1);
    private static final int MOBILE = FIXED_LINE << 1;

    /** A number description: the lengths it allows (a bit per length; 0 for any) and its national-number pattern. */
    private record Desc(DigitAutomaton pattern, long lengths) {
        static Desc of(PhoneNumberDesc desc) {
            long lengths = 0;
            for (int length : desc.getPossibleLengthList()) {
                // -1 marks a type the region does not have: bit 0 alone then lets no number through.
                lengths |= length > 0 && length < 64 ? 1L << length : 1L;
            }
            return new Desc(DigitAutomaton.of(desc.getNationalNumberPattern()), lengths);
        }
    }

    /** A national-number pattern as a deterministic automaton over the ten digits. */
    static final class DigitAutomaton {
        private final int[] next; // next[state * 10 + digit], -1 when the digit leads nowhere; state 0 is the start
        private final boolean[] accepting;

        private DigitAutomaton(int[] next, boolean[] accepting) {
            this.next = next;
            this.accepting = accepting;
        }

        /**
         * libphonenumber's national-number patterns use digits, {@code \d}, classes, groups, alternation, {@code ?}
         * and counted repetition only: the same language in the automaton library's syntax. Any other construct
         * is refused here rather than read differently.
         */
        static DigitAutomaton of(String pattern) {
            String plain = pattern.replace("\\d", "[0-9]").replace("(?:", "(");
            for (int i = 0; i < plain.length(); i++) {
                if ("0123456789[]-{},|()?".indexOf(plain.charAt(i)) < 0) {
                    throw new IllegalArgumentException("unexpected construct in number pattern " + pattern);
                }
            }
            if (plain.isEmpty()) {
                int[] nowhere = new int[10];
                Arrays.fill(nowhere, -1);
                return new DigitAutomaton(nowhere, new boolean[1]); // a pattern that matches no number
            }
            Automaton automaton = new RegExp(plain, RegExp.NONE).toAutomaton(true);
            automaton.determinize();
            List<State> states = new ArrayList<>(automaton.getStates());
            states.remove(automaton.getInitialState());
            states.add(0, automaton.getInitialState());
            Map<State, Integer> index = new HashMap<>();
            for (State state : states) {
                index.put(state, index.size());
            }
            int[] next = new int[states.size() * 10];
            Arrays.fill(next, -1);
            boolean[] accepting = new boolean[states.size()];
            for (State state : states) {
                int from = index.get(state);
                accepting[from] = state.isAccept();
                for (Transition t : state.getTransitions()) {
                    for (char c = (char) Math.max(t.getMin(), '0'); c <= Math.min(t.getMax(), '9'); c++) {
                        next[from * 10 + (c - '0')] = index.get(t.getDest());
                    }
                }
            }
            return new DigitAutomaton(next, accepting);
        }

        int next(int state, int digit) {
            return next[state * 10 + digit];
        }

        boolean accepts(int state) {
            return accepting[state];
        }
    }

    /**
     * The product of a region's description automata (general, the special types, fixed line, mobile): one walk
     * over a number's digits gives a bit for each description the number matches.
     */
    private record OnePass(int[] next, int[] matchedAtEnd, long[] lengths) {
        /** Far above what any region needs today (a test checks them all); a guard against a metadata change. */
        private static final int MAX_STATES = 50_000;

        static OnePass of(String region, List<Desc> descs) {
            int n = descs.size();
            Map<List<Integer>, Integer> ids = new HashMap<>();
            List<int[]> tuples = new ArrayList<>();
            int[] start = new int[n];
            ids.put(key(start), 0);
            tuples.add(start);
            int[] next = new int[160];
            for (int id = 0; id < tuples.size(); id++) {
                int[] tuple = tuples.get(id);
                for (int digit = 0; digit < 10; digit++) {
                    int[] to = new int[n];
                    boolean alive = false;
                    for (int i = 0; i < n; i++) {
                        to[i] = tuple[i] < 0 ? -1 : descs.get(i).pattern().next(tuple[i], digit);
                        alive |= to[i] >= 0;
                    }
                    int target = -1;
                    if (alive) {
                        Integer known = ids.get(key(to));
                        if (known == null) {
                            if (tuples.size() == MAX_STATES) {
                                throw new IllegalStateException("the number patterns of " + region
                                        + " make more than " + MAX_STATES + " states");
                            }
                            known = tuples.size();
                            ids.put(key(to), known);
                            tuples.add(to);
                        }
                        target = known;
                    }
                    if (id * 10 + digit >= next.length) {
                        next = Arrays.copyOf(next, next.length * 2);
                    }
                    next[id * 10 + digit] = target;
                }
            }
            int[] matched = new int[tuples.size()];
            for (int id = 0; id < tuples.size(); id++) {
                int[] tuple = tuples.get(id);
                for (int i = 0; i < n; i++) {
                    if (tuple[i] >= 0 && descs.get(i).pattern().accepts(tuple[i])) {
                        matched[id] |= 1 << i;
                    }
                }
            }
            long[] lengths = descs.stream().mapToLong(Desc::lengths).toArray();
            return new OnePass(Arrays.copyOf(next, tuples.size() * 10), matched, lengths);
        }

        private static List<Integer> key(int[] tuple) {
            return Arrays.stream(tuple).boxed().toList();
        }

        /** A bit per description that the first {@code length} digits (values 0 to 9) match, lengths included. */
        int matches(byte[] digits, int length) {
            int state = 0;
            for (int i = 0; i < length; i++) {
                state = next[state * 10 + digits[i]];
                if (state < 0) {
                    return 0;
                }
            }
            int matched = matchedAtEnd[state];
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] != 0 && (lengths[i] & (1L << length)) == 0) {
                    matched &= ~(1 << i);
                }
            }
            return matched;
        }
    }

    private record Region(String code, OnePass descriptions, boolean sameMobileAndFixedLinePattern) {
    }

    /** Regions by calling code, built on first use; empty for calling codes shared by several regions. */
    private final Map<Integer, Optional<Region>> byCountryCode = new ConcurrentHashMap<>();
    private final PhoneNumberUtil util;

    NumberTypes(PhoneNumberUtil util) {
        this.util = util;
    }

    private Optional<Region> region(int countryCode) {
        return byCountryCode.computeIfAbsent(countryCode, cc -> {
            List<String> codes = util.getRegionCodesForCountryCode(cc);
            if (codes.size() != 1) {
                return Optional.empty(); // shared (+262 Réunion and Mayotte, +1, ...): the region is found first
            }
            String code = codes.get(0);
            // The metadata PhoneNumberUtil.getInstance() itself reads.
            PhoneMetadata m = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                    .getMetadataForRegion(code);
            if (m == null) {
                return Optional.empty();
            }
            List<Desc> descs = new ArrayList<>();
            descs.add(Desc.of(m.getGeneralDesc()));
            for (PhoneNumberDesc special : List.of(m.getPremiumRate(), m.getTollFree(), m.getSharedCost(), m.getVoip(),
                    m.getPersonalNumber(), m.getPager(), m.getUan(), m.getVoicemail())) {
                descs.add(Desc.of(special));
            }
            descs.add(Desc.of(m.getFixedLine()));
            descs.add(Desc.of(m.getMobile()));
            return Optional.of(new Region(code, OnePass.of(code, descs), m.getSameMobileAndFixedLinePattern()));
        });
    }

    /** Whether a calling code belongs to one region only, whose numbers this classifies. */
    boolean classifies(int countryCode) {
        return region(countryCode).isPresent();
    }

    /** The region and type, when the number's calling code is one of these regions'; empty otherwise. */
    Optional<Map.Entry<String, PhoneNumberType>> of(PhoneNumber number) {
        Optional<Region> region = region(number.getCountryCode());
        if (region.isEmpty() || number.hasItalianLeadingZero()) {
            return Optional.empty();
        }
        // The national number's digits, most significant first, without making a string of them.
        byte[] nsn = new byte[19];
        int length = 0;
        for (long rest = number.getNationalNumber(); rest > 0; rest /= 10) {
            nsn[length++] = (byte) (rest % 10);
        }
        for (int i = 0, j = length - 1; i < j; i++, j--) {
            byte digit = nsn[i];
            nsn[i] = nsn[j];
            nsn[j] = digit;
        }
        return Optional.of(Map.entry(region.get().code(), type(region.get(), nsn, length)));
    }

    /** libphonenumber's order: not general → unknown; then the special types; then fixed line and mobile. */
    private static PhoneNumberType type(Region region, byte[] nsn, int length) {
        int matched = region.descriptions().matches(nsn, length);
        if ((matched & GENERAL) == 0) {
            return PhoneNumberType.UNKNOWN;
        }
        for (int i = 0; i < SPECIAL.size(); i++) {
            if ((matched & (1 << (i + 1))) != 0) {
                return SPECIAL.get(i);
            }
        }
        if ((matched & FIXED_LINE) != 0) {
            return region.sameMobileAndFixedLinePattern() || (matched & MOBILE) != 0
                    ? PhoneNumberType.FIXED_LINE_OR_MOBILE : PhoneNumberType.FIXED_LINE;
        }
        if (!region.sameMobileAndFixedLinePattern() && (matched & MOBILE) != 0) {
            return PhoneNumberType.MOBILE;
        }
        return PhoneNumberType.UNKNOWN;
    }
}
