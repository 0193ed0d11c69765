package com.outboundcalls.functions.clientspace;

import java.net.URI;
import java.util.Map;

/**
 * Where the page signs in and where its uploads go, from the function's environment: the user pool's app client,
 * the Cognito endpoint of the region (or the stand-in's, AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER) and the
 * origin of the bucket's presigned links (virtual-hosted on AWS, the stand-in's AWS_ENDPOINT_URL_S3 locally).
 */
public record PageSettings(String region, String userPoolClientId, String cognitoEndpoint, String bucketOrigin) {

    public static PageSettings of(Map<String, String> env) {
        String region = require(env, "AWS_REGION");
        String cognito = env.getOrDefault("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                "https://cognito-idp." + region + ".amazonaws.com");
        String s3 = env.get("AWS_ENDPOINT_URL_S3");
        String bucketOrigin = s3 != null ? origin(s3)
                : "https://" + require(env, "CONTACT_BUCKET") + ".s3." + region + ".amazonaws.com";
        return new PageSettings(region, require(env, "USER_POOL_CLIENT_ID"), stripSlash(cognito), bucketOrigin);
    }

    /** The origin (scheme, host, port) the Content-Security-Policy names for an endpoint. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
