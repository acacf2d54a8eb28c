vcl 4.1;
# Varnish in front of the Newsroom app servers (Debian's `varnish`, 7.x).
#
# It caches exactly what the app's own page cache (web/cache.py) may share between readers,
# and only because the app says so: a response is kept only when it is a 200 with
# `Cache-Control: public … s-maxage=N` and sets no cookie. The app sends s-maxage only on
# pages it would share itself (anonymous, allowed query parameters, no pending message), so
# staff pages, forms sent back with errors, responses that set cookies, `?utm…` variants and
# errors all pass through. Pages are keyed the way the app keys them: path and query string
# (the language is the path's prefix), host, and the reader's consent state (the raw consent
# cookie and the Sec-GPC header: finer than the app's key, never coarser, so no reader gets
# another's banner state).
#
# Purge on publish: every publish, edit, unpublish or approved comment makes the app enqueue a
# task (web/purge.py) that sends `BAN /` here from an address in `purgers`; every cached page
# is dropped at once, as the app's generation counter does for its own cache.
#
# Uploads: `/media/<key>` is fetched from the object store (Ceph's RADOS Gateway, backend
# `media`), whose bucket is named "media" too, so the path is the same on both sides (with
# another bucket name, rewrite bereq.url in vcl_backend_fetch). Pictures have random names
# that are never reused: they are kept a day here (a year in browsers, from the store's
# Cache-Control), always without cookies, never banned by a publish.
#
# `make cluster` (ops/cluster.py) and the tests write a copy of this file with their own
# backend ports in place of the `.port` lines below (8001, 8002 and 7480).

import directors;
import std;

probe healthz {
    .url = "/healthz";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    # Healthy from the start: a restarted Varnish serves at once (a server that is really down
    # refuses the connection and the fetch is retried on another, see vcl_backend_error).
    .initial = 2;
}

backend app1 { .host = "127.0.0.1"; .port = "8001"; .probe = healthz; .connect_timeout = 1s; }
backend app2 { .host = "127.0.0.1"; .port = "8002"; .probe = healthz; .connect_timeout = 1s; }
backend media { .host = "127.0.0.1"; .port = "7480"; .connect_timeout = 1s; .first_byte_timeout = 10s; }

# Who may purge: the machines running the purge worker.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.X-Newsroom-Page == 1");
        return (synth(200, "Banned"));
    }
    if (req.url ~ "^/media/") {
        # Readers only read pictures; the app writes to the store directly, with its keys.
        if (req.method != "GET" && req.method != "HEAD") {
            return (synth(405, "Method not allowed"));
        }
        unset req.http.Cookie;
        unset req.http.Authorization;
        # A picture has no query: none reaches the store (S3 reads ?acl, ?policy… as requests
        # of their own), and none makes another copy here.
        set req.url = regsub(req.url, "\?.*$", "");
        return (hash);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        if (req.method == "POST" && req.url ~ "^/(en|ar)/(comments/post/[0-9]+|cookies)/$") {
            # Kept so that it can be sent to another app server (see vcl_backend_error).
            std.cache_req_body(256KB);
        }
        return (pass);
    }
    # Staff (a session) and readers with a one-time message never share pages.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=[^;]") {
        return (pass);
    }
    if (req.url ~ "^/(en|ar)/admin/" || req.url ~ "^/(healthz|readyz|i18n/)") {
        return (pass);
    }
    # The consent state, for the hash (the cookie itself still goes to the app).
    unset req.http.X-Consent;
    if (req.http.Cookie ~ "(^|;\s*)cookie_consent=") {
        set req.http.X-Consent = regsub(req.http.Cookie, "^(.*;\s*)?cookie_consent=([^;]*).*$", "\2");
    }
    # Looked up even with cookies: the app marks what may be shared (vcl_backend_response).
    return (hash);
}

sub vcl_hash {
    if (req.url ~ "^/media/") {
        hash_data(req.url);
        return (lookup);
    }
    hash_data(req.url);
    hash_data(req.http.host);
    hash_data(req.http.X-Consent);
    hash_data(req.http.Sec-GPC);
    return (lookup);
}

sub vcl_backend_fetch {
    # Each try (see vcl_backend_error) asks the director again, so a stopped app server is
    # skipped at once, before its probe has marked it sick.
    if (bereq.url ~ "^/media/") {
        set bereq.backend = media;
        return (fetch);
    }
    set bereq.backend = apps.backend();
    unset bereq.http.X-Consent;
}

sub vcl_backend_response {
    if (bereq.url ~ "^/media/") {
        unset beresp.http.Set-Cookie;
        if (beresp.status == 200) {
            set beresp.ttl = 1d;
            set beresp.grace = 1h;
        } else {
            # A picture not stored yet (or the store erring) is asked again soon.
            set beresp.ttl = 5s;
        }
        return (deliver);
    }
    if (beresp.status == 503 && beresp.http.Retry-After && bereq.retries < 2
        && (bereq.method == "GET" || bereq.method == "HEAD")) {
        # The app's "database away for a moment" (web/outage.py): a replica that just stopped,
        # a connection cut under a query. The next try (another app server first, whose router
        # skips a replica it cannot reach) usually succeeds; only reads are asked again.
        return (retry);
    }
    if (beresp.status == 200 && beresp.http.Cache-Control ~ "public" && beresp.http.Cache-Control ~ "s-maxage="
        && !beresp.http.Set-Cookie && bereq.url !~ "^/static/") {
        # The page is kept for its s-maxage (Varnish reads it itself) until the next ban.
        set beresp.http.X-Newsroom-Page = "1";
        return (deliver);
    }
    # Everything else is fetched anew for every request (hit-for-miss for a moment only).
    set beresp.uncacheable = true;
    set beresp.ttl = 1s;
    return (deliver);
}

sub vcl_backend_error {
    # An app server that refuses the connection or dies mid-answer (stopped, restarting): try
    # another one. Only what is safe to send twice: GET and HEAD, and the readers' two forms.
    # Varnish cannot tell a refused connection from a server that died after storing, so a
    # form may arrive twice; neither stores twice: a comment already stored is refused as a
    # duplicate (same text, same e-mail, same article: "You have already posted this comment"),
    # and a cookie choice recorded again is what a double click records. Admin and login
    # POSTs are never resent.
    if (bereq.retries < 3 && (bereq.method == "GET" || bereq.method == "HEAD"
        || (bereq.method == "POST" && bereq.url ~ "^/(en|ar)/(comments/post/[0-9]+|cookies)/$"))) {
        return (retry);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Proxy-Cache = "HIT";
    } else {
        set resp.http.X-Proxy-Cache = "MISS";
    }
    unset resp.http.X-Newsroom-Page;
    unset resp.http.x-amz-request-id;
    unset resp.http.x-rgw-object-type;
    # Browsers revalidate (max-age=0); only shared caches may keep the page.
}
