package com.outboundcalls.infra.localcloud;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Cognito stand-in as the real SDK client sees it: invitations, first sign-in, tokens, sign-out, disabling. */
class CognitoSimulatorTest {

    private static final Instant START = Instant.parse("2026-10-05T08:00:00Z");
    private static LocalClock clock;
    private static CognitoSimulator cognito;
    private static CognitoIdentityProviderClient client;
    private static String poolId;
    private static String appClientId;

    @BeforeAll
    static void start() {
        clock = LocalClock.simulated(START);
        cognito = new CognitoSimulator(clock, "eu-west-3", 0);
        poolId = cognito.createUserPool("ClientUsers", CognitoSimulator.PasswordPolicy.cognitoDefault());
        appClientId = cognito.createUserPoolClient(poolId, "clientspace");
        client = CognitoIdentityProviderClient.builder().endpointOverride(cognito.endpoint())
                .region(Region.EU_WEST_3).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        cognito.close();
    }

    private static String invite(String email, String clientId, String role) {
        AdminCreateUserResponse created = client.adminCreateUser(r -> r.userPoolId(poolId).username(email)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("custom:client_id").value(clientId).build(),
                        AttributeType.builder().name("custom:role").value(role).build()));
        assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, created.user().userStatus());
        return cognito.invitations().stream().filter(i -> i.email().equals(email)).reduce((a, b) -> b).orElseThrow()
                .temporaryPassword();
    }

    private static InitiateAuthResponse signIn(String email, String password) {
        return client.initiateAuth(r -> r.clientId(appClientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
    }

    private static AuthenticationResultType firstSignIn(String email, String newPassword) {
        String temporary = invite(email, "acme", "ADMINISTRATEUR");
        InitiateAuthResponse challenged = signIn(email, temporary);
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenged.challengeName());
        return client.respondToAuthChallenge(r -> r.clientId(appClientId).challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED)
                .session(challenged.session()).challengeResponses(Map.of("USERNAME", email, "NEW_PASSWORD", newPassword)))
                .authenticationResult();
    }

    @Test
    void anInvitedUserSetsItsOwnPasswordAtFirstSignInAndGetsTokensSignedWithThePoolsPublishedKeys() throws Exception {
        AuthenticationResultType tokens = firstSignIn("marie@acme.example", "Une-phrase-longue-42");

        SignedJWT id = SignedJWT.parse(tokens.idToken());
        JWKSet keys = JWKSet.load(cognito.jwksUrl(poolId).toURL());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(id.getHeader().getKeyID());
        assertNotNull(key, "the token's key is published with the pool's keys");
        assertTrue(id.verify(new RSASSAVerifier(key)));
        assertEquals(cognito.issuer(poolId), id.getJWTClaimsSet().getIssuer());
        assertEquals(appClientId, id.getJWTClaimsSet().getAudience().get(0));
        assertEquals("acme", id.getJWTClaimsSet().getClaim("custom:client_id"));
        assertEquals("ADMINISTRATEUR", id.getJWTClaimsSet().getClaim("custom:role"));
        assertEquals(START.plus(CognitoSimulator.TOKEN_LIFETIME), id.getJWTClaimsSet().getExpirationTime().toInstant());
        assertEquals("access", SignedJWT.parse(tokens.accessToken()).getJWTClaimsSet().getClaim("token_use"));

        assertNotNull(signIn("marie@acme.example", "Une-phrase-longue-42").authenticationResult(),
                "its own password signs it in from now on, with no challenge");
        assertThrows(NotAuthorizedException.class, () -> signIn("marie@acme.example", "wrong"));
    }

    @Test
    void aNewPasswordMustMeetThePoolsPolicy() {
        String temporary = invite("weak@acme.example", "acme", "SUPERVISEUR");
        InitiateAuthResponse challenged = signIn("weak@acme.example", temporary);
        assertThrows(InvalidPasswordException.class, () -> client.respondToAuthChallenge(r -> r.clientId(appClientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenged.session())
                .challengeResponses(Map.of("USERNAME", "weak@acme.example", "NEW_PASSWORD", "short"))));
    }

    @Test
    void theSameAddressCannotBeInvitedTwice() {
        invite("twice@acme.example", "acme", "FINANCE");
        assertThrows(UsernameExistsException.class, () -> invite("twice@acme.example", "acme", "FINANCE"));
    }

    @Test
    void aRefreshTokenLastsUntilTheUserSignsOutEverywhere() {
        AuthenticationResultType tokens = firstSignIn("paul@acme.example", "Encore-une-phrase-7");
        AuthenticationResultType refreshed = client.initiateAuth(r -> r.clientId(appClientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken())))
                .authenticationResult();
        assertNotNull(refreshed.idToken());

        client.globalSignOut(r -> r.accessToken(tokens.accessToken()));

        assertThrows(NotAuthorizedException.class, () -> client.initiateAuth(r -> r.clientId(appClientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))));
    }

    @Test
    void aDisabledUserCanNoLongerSignInNorRefresh() {
        AuthenticationResultType tokens = firstSignIn("leaving@acme.example", "Au-revoir-et-merci-1");

        client.adminDisableUser(r -> r.userPoolId(poolId).username("leaving@acme.example"));

        NotAuthorizedException refused = assertThrows(NotAuthorizedException.class,
                () -> signIn("leaving@acme.example", "Au-revoir-et-merci-1"));
        assertTrue(refused.getMessage().contains("User is disabled"), refused.getMessage());
        assertThrows(NotAuthorizedException.class, () -> client.initiateAuth(r -> r.clientId(appClientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))));
    }

    @Test
    void usersAreListedByTheirClient() {
        invite("one@globex.example", "globex", "ADMINISTRATEUR");
        invite("two@globex.example", "globex", "FINANCE");
        var listed = client.listUsers(r -> r.userPoolId(poolId).filter("custom:client_id = \"globex\"")).users();
        assertEquals(2, listed.size());
        assertTrue(listed.stream().allMatch(u -> u.attributes().stream()
                .anyMatch(a -> a.name().equals("custom:client_id") && a.value().equals("globex"))));
    }
}
