package com.outboundcalls.infra.launcher;

import com.outboundcalls.phone.PhoneNumberValidator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A sample contact file as a French client's spreadsheet exports it (semicolon separated, UTF-8), generated
 * from a seed: mostly valid numbers written the many ways people write them, some overseas and European
 * callees, and a few rows that must be rejected (empty, letters, too short, premium rate, duplicates).
 */
public final class SampleContacts {

    private static final String[] LAST = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
            "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "Fournier"};
    private static final String[] FIRST = {"Camille", "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Jules", "Inès",
            "Louis", "Zoé", "Gabriel", "Émma", "Arthur", "Jade", "Raphaël", "Louise"};

    private SampleContacts() {
    }

    public static byte[] generate(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PhoneNumberValidator validator = new PhoneNumberValidator();
        StringBuilder csv = new StringBuilder("Nom;Prénom;Téléphone;Société;Pays;Référence client\n");
        List<String> written = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            String phone;
            String country = "";
            double kind = random.nextDouble();
            if (kind < 0.015) {
                phone = "";
            } else if (kind < 0.025) {
                phone = "à rappeler";
            } else if (kind < 0.035) {
                phone = "06 12 34";
            } else if (kind < 0.040) {
                phone = "08 99 " + digits(random, 2) + " " + digits(random, 2) + " " + digits(random, 2);
            } else if (kind < 0.055 && !written.isEmpty()) {
                phone = written.get(random.nextInt(written.size()));
            } else {
                String[] candidate = validNumber(random, validator);
                phone = candidate[0];
                country = candidate[1];
                if (country.isEmpty()) {
                    written.add(phone);
                }
            }
            csv.append(LAST[random.nextInt(LAST.length)]).append(';')
                    .append(FIRST[random.nextInt(FIRST.length)]).append(';')
                    .append(phone).append(';')
                    .append(random.nextInt(4) == 0 ? "\"Dupont & Fils; SARL\"" : "").append(';')
                    .append(country).append(';')
                    .append(String.format("CLI-%06d", i)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A valid number and the country column to write with it (empty for the client's region). */
    private static String[] validNumber(SplittableRandom random, PhoneNumberValidator validator) {
        while (true) {
            double where = random.nextDouble();
            String phone;
            String country = "";
            if (where < 0.55) {
                String mobile = random.nextBoolean() ? "6" : "7" + (3 + random.nextInt(7));
                String rest = digits(random, 9 - mobile.length());
                phone = switch (random.nextInt(4)) {
                    case 0 -> "0" + mobile + rest;
                    case 1 -> "+33 " + mobile + " " + rest;
                    case 2 -> mobile + rest; // leading zero dropped by a spreadsheet
                    default -> "0033" + mobile + rest;
                };
            } else if (where < 0.85) {
                phone = "0" + (1 + random.nextInt(5)) + " " + digits(random, 2) + " " + digits(random, 2) + " "
                        + digits(random, 2) + " " + digits(random, 2);
            } else if (where < 0.93) {
                String[][] overseas = {{"RE", "0262", "0692"}, {"GP", "0590", "0690"}, {"MQ", "0596", "0696"},
                        {"GF", "0594", "0694"}};
                String[] dom = overseas[random.nextInt(overseas.length)];
                phone = (random.nextBoolean() ? dom[1] : dom[2]) + digits(random, 6);
                country = dom[0];
            } else {
                String[][] europe = {{"BE", "+32 4", "7"}, {"DE", "+49 15", "9"}, {"ES", "+34 6", "8"},
                        {"IT", "+39 3", "9"}, {"LU", "+352 6", "8"}};
                String[] eu = europe[random.nextInt(europe.length)];
                phone = eu[1] + digits(random, Integer.parseInt(eu[2]));
            }
            String region = country.isEmpty() ? "FR" : country;
            if (validator.validate(phone, region, false).isValid()) {
                return new String[]{phone, country};
            }
        }
    }

    private static String digits(SplittableRandom random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }
}
