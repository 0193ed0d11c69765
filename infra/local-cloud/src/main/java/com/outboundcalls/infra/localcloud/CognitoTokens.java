package com.outboundcalls.infra.localcloud;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Cognito stand-in's tokens: RS256 JWTs as Cognito issues them (an access token naming the app client in
 * {@code client_id}, an ID token with the user's attributes and the app client as audience), signed with one key
 * pair whose public half is published as a JWK set. Times come from the local clock.
 */
final class CognitoTokens {

    private final RSAKey signingKey;
    private final Clock clock;
    private final String region;
    private final Duration lifetime;

    CognitoTokens(Clock clock, String region, Duration lifetime) {
        this.clock = clock;
        this.region = region;
        this.lifetime = lifetime;
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the Cognito stand-in's signing key", e);
        }
    }

    /** The issuer of a pool's tokens, as Cognito names it. */
    String issuer(String userPoolId) {
        return "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
    }

    JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    String accessToken(String userPoolId, String sub, String username, String clientId) {
        Instant now = clock.instant();
        return sign(new JWTClaimsSet.Builder().subject(sub).issuer(issuer(userPoolId)).claim("client_id", clientId)
                .claim("token_use", "access").claim("scope", "aws.cognito.signin.user.admin").claim("username", username)
                .claim("auth_time", now.getEpochSecond()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime))).jwtID(UUID.randomUUID().toString()).build());
    }

    String idToken(String userPoolId, String sub, String username, String clientId, Map<String, String> attributes) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder().subject(sub).issuer(issuer(userPoolId)).audience(clientId)
                .claim("token_use", "id").claim("cognito:username", username).claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        attributes.forEach(id::claim);
        return sign(id.build());
    }

    /** The claims of an access token this stand-in signed and that has not expired. */
    Optional<JWTClaimsSet> verifiedAccessToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = jwt.verify(new RSASSAVerifier(signingKey.toRSAPublicKey()))
                    && "access".equals(claims.getClaim("token_use"))
                    && claims.getExpirationTime().toInstant().isAfter(clock.instant());
            return valid ? Optional.of(claims) : Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
