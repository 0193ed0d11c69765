package com.outboundcalls.infra.localcloud;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private final SigV4Verifier verifier = new SigV4Verifier(key -> key.equals("AKLOCAL") ? Optional.of("secret")
            : Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));

    private Optional<String> signedAt(Instant at) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:9501/operator/clients")).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKLOCAL", "secret"))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-3")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        signed.headers().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
        return verifier.refusal("GET", "/operator/clients", null, headers, new byte[0], "execute-api");
    }

    @Test
    void aRequestSignedWithinFifteenMinutesIsAcceptedAndOneSignedFurtherAwayIsRefused() {
        assertEquals(Optional.empty(), signedAt(NOW.minus(Duration.ofMinutes(14))));
        assertEquals(Optional.empty(), signedAt(NOW.plus(Duration.ofMinutes(14))));
        Optional<String> replayed = signedAt(NOW.minus(Duration.ofMinutes(16)));
        assertTrue(replayed.orElse("").startsWith("Signature expired"), String.valueOf(replayed));
        assertTrue(signedAt(NOW.plus(Duration.ofMinutes(16))).orElse("").startsWith("Signature expired"));
    }
}
