package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for Amazon Cognito user pools, speaking the Cognito Identity Provider JSON API
 * ({@code X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>}, {@code application/x-amz-json-1.1}) so the
 * real SDK client talks to it: AdminCreateUser (an invitation with a temporary password), InitiateAuth
 * (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH), RespondToAuthChallenge (NEW_PASSWORD_REQUIRED), GlobalSignOut,
 * AdminUserGlobalSignOut,
 * AdminDisableUser, AdminEnableUser, AdminDeleteUser, AdminGetUser and ListUsers. Tokens are RS256 JWTs whose
 * issuer is the pool's as Cognito names it ({@code https://cognito-idp.{region}.amazonaws.com/{userPoolId}}, the
 * value template.yaml gives its JWT authorizer), and whose keys this stand-in serves at
 * {@code {endpoint}/{userPoolId}/.well-known/jwks.json}, where Cognito serves them under the issuer. Times come
 * from the local clock.
 */
public final class CognitoSimulator implements AutoCloseable {

    /** How long ID and access tokens last, as Cognito's default. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIST_FILTER = Pattern.compile("^\\s*\"?([\\w:]+)\"?\\s*=\\s*\"([^\"]*)\"\\s*$");

    /** A password policy, as the template's user pool states it. */
    public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
                                 boolean requireNumbers, boolean requireSymbols) {
        public static PasswordPolicy cognitoDefault() {
            return new PasswordPolicy(8, true, true, true, true);
        }

        /** Why a password does not meet the policy, if it does not. */
        Optional<String> refusal(String password) {
            if (password == null || password.length() < minimumLength) {
                return Optional.of("Password did not conform with policy: Password not long enough");
            }
            if (requireUppercase && password.chars().noneMatch(Character::isUpperCase)) {
                return Optional.of("Password did not conform with policy: Password must have uppercase characters");
            }
            if (requireLowercase && password.chars().noneMatch(Character::isLowerCase)) {
                return Optional.of("Password did not conform with policy: Password must have lowercase characters");
            }
            if (requireNumbers && password.chars().noneMatch(Character::isDigit)) {
                return Optional.of("Password did not conform with policy: Password must have numeric characters");
            }
            if (requireSymbols && password.chars().allMatch(Character::isLetterOrDigit)) {
                return Optional.of("Password did not conform with policy: Password must have symbol characters");
            }
            return Optional.empty();
        }
    }

    /** An invitation as Cognito would send it by e-mail: to whom, and the temporary password. */
    public record Invitation(String userPoolId, String email, String temporaryPassword, Instant at) {
    }

    private static final class Pool {
        final String id;
        final PasswordPolicy policy;
        final List<String> clientIds = new ArrayList<>();
        final Map<String, User> users = new LinkedHashMap<>();

        Pool(String id, PasswordPolicy policy) {
            this.id = id;
            this.policy = policy;
        }
    }

    private static final class User {
        final String sub = UUID.randomUUID().toString();
        final String username;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Instant created;
        Instant modified;
        String password;
        boolean mustChangePassword = true;
        boolean enabled = true;
        /** Refresh tokens issued and not revoked. */
        final List<String> refreshTokens = new ArrayList<>();

        User(String username, Instant created) {
            this.username = username;
            this.created = created;
            this.modified = created;
        }
    }

    /** An error as Cognito's JSON protocol returns it. */
    private static final class CognitoError extends RuntimeException {
        final int status;
        final String type;

        CognitoError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private record Session(String poolId, String username, Instant expires) {
    }

    private final Clock clock;
    private final String region;
    private final HttpServer server;
    private final CognitoTokens tokens;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private final Map<String, Pool> poolsByClient = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final List<Invitation> invitations = new ArrayList<>();

    public CognitoSimulator(Clock clock, String region, int port) {
        this.clock = clock;
        this.region = region;
        this.tokens = new CognitoTokens(clock, region, TOKEN_LIFETIME);
        this.server = LoopbackServer.start(port, 4, "cognito-simulator", this::handle);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A user pool, as the template declares one: its id is the region, an underscore and a short name. */
    public synchronized String createUserPool(String name, PasswordPolicy policy) {
        String id = region + "_" + name.replaceAll("[^A-Za-z0-9]", "");
        pools.putIfAbsent(id, new Pool(id, policy));
        return id;
    }

    /** An app client of a pool; its id is what tokens name as their audience. */
    public synchronized String createUserPoolClient(String userPoolId, String name) {
        Pool pool = pool(userPoolId);
        // Cognito's app client ids are 26 lower-case letters and digits.
        String id = (name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "0".repeat(26)).substring(0, 26);
        pool.clientIds.add(id);
        poolsByClient.put(id, pool);
        return id;
    }

    /** The issuer of the pool's tokens, which a JWT authorizer names. */
    public String issuer(String userPoolId) {
        return tokens.issuer(userPoolId);
    }

    /** Where this stand-in serves the pool's public keys (Cognito: {@code {issuer}/.well-known/jwks.json}). */
    public URI jwksUrl(String userPoolId) {
        return URI.create(endpoint() + "/" + userPoolId + "/.well-known/jwks.json");
    }

    /** The pool whose tokens carry this issuer, if it is one of this stand-in's. */
    public Optional<String> poolOfIssuer(String issuer) {
        return pools.keySet().stream().filter(id -> issuer(id).equals(issuer)).findFirst();
    }

    /** The public keys the pool's tokens are signed with (what {@code jwks.json} serves). */
    public JWKSet publicKeys() {
        return tokens.publicKeys();
    }

    /** The invitations sent so far, oldest first (Cognito would have e-mailed them). */
    public synchronized List<Invitation> invitations() {
        return List.copyOf(invitations);
    }

    // ------------------------------------------------------------------------------------------------ protocol

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            // As Cognito's endpoint does, a page of any origin may call the operations a user makes itself.
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers",
                        "content-type, x-amz-target, x-amz-user-agent");
                exchange.getResponseHeaders().add("Access-Control-Max-Age", "600");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (exchange.getRequestMethod().equals("GET") && path.endsWith("/.well-known/jwks.json")) {
                LoopbackServer.respond(exchange, 200, publicKeys().toString(), "application/json");
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                LoopbackServer.respond(exchange, 400, error("UnknownOperationException", "unknown operation"),
                        "application/x-amz-json-1.1");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            ObjectNode response;
            try {
                response = operation(target.substring(TARGET_PREFIX.length()), request);
            } catch (CognitoError e) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", e.type);
                LoopbackServer.respond(exchange, e.status, error(e.type, e.getMessage()), "application/x-amz-json-1.1");
                return;
            }
            LoopbackServer.respond(exchange, 200, response.toString(), "application/x-amz-json-1.1");
        } catch (RuntimeException e) {
            LoopbackServer.respond(exchange, 500, error("InternalErrorException", String.valueOf(e.getMessage())),
                    "application/x-amz-json-1.1");
        } finally {
            exchange.close();
        }
    }

    private synchronized ObjectNode operation(String name, JsonNode request) {
        return switch (name) {
            case "AdminCreateUser" -> adminCreateUser(request);
            case "InitiateAuth" -> initiateAuth(request);
            case "RespondToAuthChallenge" -> respondToAuthChallenge(request);
            case "GlobalSignOut" -> globalSignOut(request);
            case "AdminUserGlobalSignOut" -> adminUserGlobalSignOut(request);
            case "AdminDisableUser" -> setEnabled(request, false);
            case "AdminEnableUser" -> setEnabled(request, true);
            case "AdminDeleteUser" -> adminDeleteUser(request);
            case "AdminGetUser" -> adminGetUser(request);
            case "ListUsers" -> listUsers(request);
            default -> throw new CognitoError(400, "UnknownOperationException", name + " is not simulated");
        };
    }

    private ObjectNode adminCreateUser(JsonNode request) {
        Pool pool = pool(request.path("UserPoolId").asText());
        String username = request.path("Username").asText("").strip().toLowerCase(java.util.Locale.ROOT);
        if (username.isEmpty()) {
            throw new CognitoError(400, "InvalidParameterException", "Username is required");
        }
        if (pool.users.containsKey(username)) {
            throw new CognitoError(400, "UsernameExistsException", "An account with the given email already exists.");
        }
        Instant now = clock.instant();
        User user = new User(username, now);
        user.attributes.put("email", username);
        for (JsonNode attribute : request.path("UserAttributes")) {
            user.attributes.put(attribute.path("Name").asText(), attribute.path("Value").asText());
        }
        String temporary = request.hasNonNull("TemporaryPassword") ? request.get("TemporaryPassword").asText()
                : temporaryPassword(pool.policy);
        pool.policy.refusal(temporary).ifPresent(why -> {
            throw new CognitoError(400, "InvalidPasswordException", why);
        });
        user.password = temporary;
        pool.users.put(username, user);
        if (!"SUPPRESS".equals(request.path("MessageAction").asText())) {
            invitations.add(new Invitation(pool.id, user.attributes.get("email"), temporary, now));
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("User", userView(user, "Attributes"));
        return response;
    }

    private ObjectNode initiateAuth(JsonNode request) {
        Pool pool = poolOfClient(request.path("ClientId").asText());
        JsonNode parameters = request.path("AuthParameters");
        return switch (request.path("AuthFlow").asText()) {
            case "USER_PASSWORD_AUTH" -> {
                User user = pool.users.get(parameters.path("USERNAME").asText("").strip().toLowerCase(java.util.Locale.ROOT));
                if (user == null || !user.password.equals(parameters.path("PASSWORD").asText())) {
                    throw new CognitoError(400, "NotAuthorizedException", "Incorrect username or password.");
                }
                if (!user.enabled) {
                    throw new CognitoError(400, "NotAuthorizedException", "User is disabled.");
                }
                if (user.mustChangePassword) {
                    String session = UUID.randomUUID().toString();
                    sessions.put(session, new Session(pool.id, user.username, clock.instant().plus(Duration.ofMinutes(3))));
                    ObjectNode response = JSON.createObjectNode();
                    response.put("ChallengeName", "NEW_PASSWORD_REQUIRED");
                    response.put("Session", session);
                    ObjectNode challenge = response.putObject("ChallengeParameters");
                    challenge.put("USER_ID_FOR_SRP", user.username);
                    challenge.put("requiredAttributes", "[]");
                    challenge.put("userAttributes", JSON.valueToTree(user.attributes).toString());
                    yield response;
                }
                yield authenticated(pool, user, request.path("ClientId").asText(), true);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                String token = parameters.path("REFRESH_TOKEN").asText();
                User user = pool.users.values().stream().filter(u -> u.refreshTokens.contains(token)).findFirst()
                        .orElseThrow(() -> new CognitoError(400, "NotAuthorizedException", "Invalid Refresh Token"));
                if (!user.enabled) {
                    throw new CognitoError(400, "NotAuthorizedException", "User is disabled.");
                }
                yield authenticated(pool, user, request.path("ClientId").asText(), false);
            }
            default -> throw new CognitoError(400, "InvalidParameterException", "Unsupported auth flow "
                    + request.path("AuthFlow").asText());
        };
    }

    private ObjectNode respondToAuthChallenge(JsonNode request) {
        Pool pool = poolOfClient(request.path("ClientId").asText());
        if (!"NEW_PASSWORD_REQUIRED".equals(request.path("ChallengeName").asText())) {
            throw new CognitoError(400, "InvalidParameterException", "Unsupported challenge "
                    + request.path("ChallengeName").asText());
        }
        Session session = sessions.get(request.path("Session").asText());
        if (session == null || !session.poolId().equals(pool.id) || session.expires().isBefore(clock.instant())) {
            throw new CognitoError(400, "NotAuthorizedException", "Invalid session for the user, session is expired.");
        }
        JsonNode responses = request.path("ChallengeResponses");
        User user = pool.users.get(session.username());
        if (user == null || !session.username().equalsIgnoreCase(responses.path("USERNAME").asText())) {
            throw new CognitoError(400, "NotAuthorizedException", "Incorrect username or password.");
        }
        String newPassword = responses.path("NEW_PASSWORD").asText();
        pool.policy.refusal(newPassword).ifPresent(why -> {
            throw new CognitoError(400, "InvalidPasswordException", why);
        });
        sessions.remove(request.path("Session").asText());
        user.password = newPassword;
        user.mustChangePassword = false;
        user.modified = clock.instant();
        return authenticated(pool, user, request.path("ClientId").asText(), true);
    }

    private ObjectNode globalSignOut(JsonNode request) {
        JWTClaimsSet claims = tokens.verifiedAccessToken(request.path("AccessToken").asText())
                .orElseThrow(() -> new CognitoError(400, "NotAuthorizedException", "Invalid Access Token"));
        Pool pool = poolOfClient(String.valueOf(claims.getClaim("client_id")));
        User user = pool.users.get(String.valueOf(claims.getClaim("username")));
        if (user != null) {
            user.refreshTokens.clear();
        }
        return JSON.createObjectNode();
    }

    private ObjectNode adminUserGlobalSignOut(JsonNode request) {
        user(request).refreshTokens.clear();
        return JSON.createObjectNode();
    }

    private ObjectNode setEnabled(JsonNode request, boolean enabled) {
        User user = user(request);
        user.enabled = enabled;
        user.modified = clock.instant();
        if (!enabled) {
            user.refreshTokens.clear();
        }
        return JSON.createObjectNode();
    }

    private ObjectNode adminDeleteUser(JsonNode request) {
        User user = user(request);
        pool(request.path("UserPoolId").asText()).users.remove(user.username);
        return JSON.createObjectNode();
    }

    private ObjectNode adminGetUser(JsonNode request) {
        return userView(user(request), "UserAttributes");
    }

    private ObjectNode listUsers(JsonNode request) {
        Pool pool = pool(request.path("UserPoolId").asText());
        String filter = request.path("Filter").asText("");
        String attribute = null;
        String value = null;
        if (!filter.isBlank()) {
            Matcher m = LIST_FILTER.matcher(filter);
            if (!m.matches()) {
                throw new CognitoError(400, "InvalidParameterException", "Filter " + filter + " is not simulated");
            }
            attribute = m.group(1);
            value = m.group(2);
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode users = response.putArray("Users");
        for (User user : pool.users.values()) {
            String have = attribute == null ? null : attribute.equals("username") ? user.username
                    : user.attributes.get(attribute);
            if (attribute == null || value.equals(have)) {
                users.add(userView(user, "Attributes"));
            }
        }
        return response;
    }

    // ------------------------------------------------------------------------------------------------ tokens

    private ObjectNode authenticated(Pool pool, User user, String clientId, boolean withRefreshToken) {
        ObjectNode response = JSON.createObjectNode();
        ObjectNode result = response.putObject("AuthenticationResult");
        result.put("AccessToken", tokens.accessToken(pool.id, user.sub, user.username, clientId));
        result.put("IdToken", tokens.idToken(pool.id, user.sub, user.username, clientId, user.attributes));
        result.put("ExpiresIn", TOKEN_LIFETIME.toSeconds());
        result.put("TokenType", "Bearer");
        if (withRefreshToken) {
            String refresh = UUID.randomUUID() + "." + UUID.randomUUID();
            user.refreshTokens.add(refresh);
            result.put("RefreshToken", refresh);
        }
        return response;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Pool pool(String id) {
        Pool pool = pools.get(id);
        if (pool == null) {
            throw new CognitoError(400, "ResourceNotFoundException", "User pool " + id + " does not exist.");
        }
        return pool;
    }

    private Pool poolOfClient(String clientId) {
        Pool pool = poolsByClient.get(clientId);
        if (pool == null) {
            throw new CognitoError(400, "ResourceNotFoundException", "User pool client " + clientId
                    + " does not exist.");
        }
        return pool;
    }

    private User user(JsonNode request) {
        Pool pool = pool(request.path("UserPoolId").asText());
        User user = pool.users.get(request.path("Username").asText("").strip().toLowerCase(java.util.Locale.ROOT));
        if (user == null) {
            throw new CognitoError(400, "UserNotFoundException", "User does not exist.");
        }
        return user;
    }

    private static ObjectNode userView(User user, String attributesField) {
        ObjectNode view = JSON.createObjectNode();
        view.put("Username", user.username);
        ArrayNode attributes = view.putArray(attributesField);
        attributes.addObject().put("Name", "sub").put("Value", user.sub);
        user.attributes.forEach((name, value) -> attributes.addObject().put("Name", name).put("Value", value));
        view.put("UserCreateDate", user.created.getEpochSecond());
        view.put("UserLastModifiedDate", user.modified.getEpochSecond());
        view.put("Enabled", user.enabled);
        view.put("UserStatus", user.mustChangePassword ? "FORCE_CHANGE_PASSWORD" : "CONFIRMED");
        return view;
    }

    /** A temporary password that meets the policy: letters of both cases, digits and a symbol. */
    private String temporaryPassword(PasswordPolicy policy) {
        String lower = "abcdefghijkmnpqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        StringBuilder password = new StringBuilder();
        int length = Math.max(12, policy.minimumLength());
        while (password.length() < length - 3) {
            password.append(lower.charAt(random.nextInt(lower.length())));
        }
        password.append(upper.charAt(random.nextInt(upper.length())));
        password.append(digits.charAt(random.nextInt(digits.length())));
        password.append('!');
        return password.toString();
    }

    private static String error(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", message);
        return body.toString();
    }

    @Override
    public void close() {
        LoopbackServer.stop(server);
    }
}
