package com.outboundcalls.infra.localcloud;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An HTTP API's JWT authorizer as API Gateway runs it: the bearer token of the identity source header must be a
 * JWT signed (RS256) with one of the issuer's published keys, name the configured issuer, carry one of the
 * configured audiences (in {@code aud}, or in {@code client_id} for an access token), and be within its validity
 * on the local clock. Otherwise the request gets 401 before any function runs. The claims go to the function
 * as API Gateway passes them: strings.
 */
final class JwtAuthorizer {

    /** A valid token's claims and scopes, as the payload 2.0 event carries them. */
    record Authorized(Map<String, String> claims, List<String> scopes) {
    }

    private final String issuer;
    private final List<String> audiences;
    private final Function<String, Optional<URI>> jwksOfIssuer;
    private final Clock clock;

    /** @param jwksOfIssuer where the issuer's keys are published (the Cognito stand-in's, for its pools) */
    JwtAuthorizer(String issuer, List<String> audiences, Function<String, Optional<URI>> jwksOfIssuer, Clock clock) {
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
        this.jwksOfIssuer = jwksOfIssuer;
        this.clock = clock;
    }

    /** The token's claims if the request may pass, from its {@code Authorization} header (with or without "Bearer"). */
    Optional<Authorized> authorize(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip()
                : authorization.strip();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || !hasAudience(claims) || !current(claims)) {
                return Optional.empty();
            }
            Optional<URI> jwks = jwksOfIssuer.apply(issuer);
            if (jwks.isEmpty()) {
                return Optional.empty();
            }
            JWK key = JWKSet.load(jwks.get().toURL()).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                return Optional.empty();
            }
            Map<String, String> strings = new LinkedHashMap<>();
            claims.getClaims().forEach((name, value) -> strings.put(name, value instanceof Date date
                    ? Long.toString(date.toInstant().getEpochSecond())
                    : value instanceof List<?> list && list.size() == 1 ? String.valueOf(list.get(0))
                    : String.valueOf(value)));
            Object scope = claims.getClaim("scope");
            return Optional.of(new Authorized(strings, scope == null ? List.of() : List.of(String.valueOf(scope).split(" "))));
        } catch (ParseException | JOSEException | IOException e) {
            return Optional.empty();
        }
    }

    private boolean hasAudience(JWTClaimsSet claims) {
        if (claims.getAudience() != null && claims.getAudience().stream().anyMatch(audiences::contains)) {
            return true;
        }
        Object clientId = claims.getClaim("client_id");
        return clientId != null && audiences.contains(String.valueOf(clientId));
    }

    private boolean current(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        Date notBefore = claims.getNotBeforeTime();
        return expires != null && expires.toInstant().isAfter(now)
                && (notBefore == null || !notBefore.toInstant().isAfter(now));
    }
}
