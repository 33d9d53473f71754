// A Java 17 client of `deadlines serve`, with nothing but the JDK: java.net.http.
// tests/test_service_process.py compiles and runs it against a real server on loopback.
//
// Usage: java DueClient BASE_URL TOKEN
// Prints one line per check; exits 1 when the service answers otherwise than expected.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class DueClient {
    private static final String BODY =
        "{\"rule\": \"minutes.executive\", \"at\": \"2026-09-30T17:00\"}";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> answer = http.send(due(base, token), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            System.err.println("unexpected status " + answer.statusCode() + ": " + answer.body());
            System.exit(1);
        }
        String due = field(answer.body(), "due");
        // Both parsers a Java system uses; Instant.parse needs the seconds.
        OffsetDateTime local = OffsetDateTime.parse(due);
        Instant instant = Instant.parse(due);
        System.out.println("status " + answer.statusCode());
        System.out.println("due " + due);
        System.out.println("offset " + local.getOffset());
        System.out.println("instant " + instant);
        Matcher provisional =
            Pattern.compile("\"provisional\"\\s*:\\s*(true|false)").matcher(answer.body());
        System.out.println("provisional " + (provisional.find() ? provisional.group(1) : "?"));

        HttpResponse<String> refused =
            http.send(due(base, "wrong-" + token), HttpResponse.BodyHandlers.ofString());
        System.out.println("wrong token " + refused.statusCode() + " "
            + refused.headers().firstValue("content-type").orElse(""));
    }

    private static HttpRequest due(String base, String token) {
        return HttpRequest.newBuilder(URI.create(base + "/v1/due"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(BODY))
            .build();
    }

    private static String field(String json, String name) {
        Matcher match = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!match.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return match.group(1);
    }
}
