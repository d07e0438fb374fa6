package io.clientbook.feed;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.clientbook.ApiTest;
import io.restassured.path.json.JsonPath;

/** A reader of GET /events as a client would be: it follows nextCursor. */
public final class FeedReader {

    /** One page: its events (as JSON maps) and where to continue. */
    public record Page(List<Map<String, Object>> items, String nextCursor) {
    }

    private FeedReader() {
    }

    public static Page page(String after, String types, int limit) {
        var request = given().header("Authorization", "Bearer " + ApiTest.ADMIN_KEY).queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        if (types != null) {
            request.queryParam("types", types);
        }
        JsonPath body = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
        return new Page(body.getList("items"), body.getString("nextCursor"));
    }

    /** Reads from {@code after} until a page comes back empty; the events read and the final cursor. */
    public static Page drain(String after, String types) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = after;
        while (true) {
            Page p = page(cursor, types, 200);
            all.addAll(p.items());
            if (p.items().isEmpty()) {
                return new Page(all, p.nextCursor());
            }
            cursor = p.nextCursor();
        }
    }

    /** The cursor of the feed's current end (as far as a reader can see now). */
    public static String end() {
        return drain(null, null).nextCursor();
    }
}
