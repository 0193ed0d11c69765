package com.outboundcalls.infra.localcloud;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's AWS Signature Version 4 the way API Gateway's IAM authorization does, against the local
 * cloud's key pairs: the canonical request is rebuilt from what arrived and signed again with the secret.
 */
final class SigV4Verifier {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
                    + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]{64})");

    /** How far a request's X-Amz-Date may be from now, as API Gateway allows. */
    static final java.time.Duration MAX_SKEW = java.time.Duration.ofMinutes(15);
    private static final java.time.format.DateTimeFormatter AMZ_DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    private final java.util.function.Function<String, Optional<String>> secretOf;
    private final java.time.Clock signingClock;

    /** @param secretOf the secret key of an access key the local cloud issued, if it did */
    SigV4Verifier(java.util.function.Function<String, Optional<String>> secretOf) {
        this(secretOf, java.time.Clock.systemUTC());
    }

    /**
     * @param signingClock the clock signers sign with: the machine's, whatever the local cloud's simulated time
     *                     (API Gateway compares a signature with its own clock too)
     */
    SigV4Verifier(java.util.function.Function<String, Optional<String>> secretOf, java.time.Clock signingClock) {
        this.secretOf = secretOf;
        this.signingClock = signingClock;
    }

    /** The access key a request's signature names, if it carries one. */
    static Optional<String> accessKey(Map<String, List<String>> headers) {
        String authorization = first(headers, "authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Why the request is not signed by the local key pair for this service, or empty when it is. */
    Optional<String> refusal(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, String service) {
        String authorization = first(headers, "authorization");
        if (authorization == null) {
            return Optional.of("Missing Authentication Token: sign the request with SigV4 (service " + service + ")");
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            return Optional.of("Authorization header is not an AWS4-HMAC-SHA256 signature");
        }
        Optional<String> secret = secretOf.apply(m.group(1));
        if (secret.isEmpty()) {
            return Optional.of("The security token included in the request is invalid (unknown access key)");
        }
        String secretKey = secret.get();
        if (!service.equals(m.group(4))) {
            return Optional.of("Credential should be scoped to correct service: '" + service + "'");
        }
        String amzDate = first(headers, "x-amz-date");
        if (amzDate == null || !amzDate.startsWith(m.group(2))) {
            return Optional.of("X-Amz-Date is missing or does not match the credential scope's date");
        }
        java.time.Instant signedAt;
        try {
            signedAt = java.time.Instant.from(AMZ_DATE.parse(amzDate));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.of("X-Amz-Date is not of the form yyyyMMddTHHmmssZ");
        }
        java.time.Instant now = signingClock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW)) || signedAt.isAfter(now.plus(MAX_SKEW))) {
            return Optional.of("Signature expired: " + amzDate + " is more than " + MAX_SKEW.toMinutes()
                    + " minutes away from the current time " + AMZ_DATE.format(now));
        }
        List<String> signed = List.of(m.group(5).split(";"));
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            String value = first(headers, name);
            if (value == null) {
                return Optional.of("signed header " + name + " is missing");
            }
            canonicalHeaders.append(name).append(':').append(value.trim().replaceAll("\\s+", " ")).append('\n');
        }
        String canonicalRequest = method + "\n" + canonicalPath(rawPath) + "\n" + canonicalQuery(rawQuery) + "\n"
                + canonicalHeaders + "\n" + m.group(5) + "\n" + hex(sha256(body));
        String scope = m.group(2) + "/" + m.group(3) + "/" + m.group(4) + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), m.group(2));
        key = hmac(key, m.group(3));
        key = hmac(key, m.group(4));
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, toSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("The request signature we calculated does not match the signature you provided");
        }
        return Optional.empty();
    }

    /** Each segment decoded, then encoded as SigV4 requires for services other than S3 (twice in all). */
    static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(encode(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8))));
        }
        return String.join("/", segments);
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> params = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(encode(name), k -> new ArrayList<>()).add(encode(value));
        }
        List<String> parts = new ArrayList<>();
        params.forEach((name, values) -> values.stream().sorted().forEach(v -> parts.add(name + "=" + v)));
        return String.join("&", parts);
    }

    /** RFC 3986 encoding: unreserved characters kept, everything else as %XX in upper case. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return String.join(",", e.getValue());
            }
        }
        return null;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
