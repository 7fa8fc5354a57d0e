#!/usr/bin/env python3
"""Two reference servers on one PostgreSQL database keep every invariant under races.

Usage: two-servers-race.py --server http://127.0.0.1:PORT_A --server http://127.0.0.1:PORT_B \
           --secret HEX [--rounds N] [--min-rounds N] [--followers N] [--seed S] [--max-seconds S]

Both servers must share the JWT secret and the database (`profile-server --store postgres://...`).
Each round sends two requests at once, one through each server:
  1. username claims: two users PUT the same new username: exactly one 200, one 409, and the
     public look-up by that name shows the winner;
  2. If-Match: two writers PUT one profile with the same current ETag: exactly one 2xx, one 412,
     and the ETag grows by exactly one;
  3. follow counters: followers follow and unfollow one user through alternating servers, all
     concurrently; the target's follower count and each follower's following count match what
     each follower's last answered request left.
Exits non-zero on any violation or any 5xx. Loopback only; bounded by --rounds and --max-seconds:
races 1 and 2 each run at least --min-rounds rounds whatever the load, then more until --rounds or
the time bound, which ends them with a note rather than a failure (a busy machine fits fewer rounds
in the time; that is not a violation).
"""
import argparse
import base64
import hashlib
import hmac
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(secret: str, user: str) -> str:
    """An HS256 token as the server issues it (sub, iat, exp), signed with the shared secret."""
    now = int(time.time())
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64(json.dumps({"sub": user, "iat": now, "exp": now + 3600}).encode())
    signature = hmac.new(secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


class Client:
    def __init__(self, secret: str):
        self.secret = secret
        self.tokens = {}
        self.server_errors = []
        self.lock = threading.Lock()

    def call(self, base, method, path, user=None, body=None, headers=None):
        request = urllib.request.Request(base + path, method=method)
        if user is not None:
            if user not in self.tokens:
                self.tokens[user] = token(self.secret, user)
            request.add_header("Authorization", "Bearer " + self.tokens[user])
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, data=data, timeout=30) as response:
                status, text, etag = response.status, response.read(), response.headers.get("ETag")
        except urllib.error.HTTPError as error:
            status, text, etag = error.code, error.read(), error.headers.get("ETag")
        if status >= 500:
            with self.lock:
                self.server_errors.append(f"{method} {base}{path}: {status} {text[:200]!r}")
        return status, (json.loads(text) if text else None), etag


def put_profile(client, base, user, body, etag=None):
    headers = {"If-Match": etag} if etag else None
    return client.call(base, "PUT", "/api/v1/profiles/me", user, body, headers)


def create(client, base, user):
    """Creates `user`'s profile (the creator spec's four required fields, username = user id)."""
    body = {"username": user, "displayName": user, "bio": "two-server race", "niche": ["testing"]}
    status, answer, etag = put_profile(client, base, user, body)
    if status != 200:
        raise SystemExit(f"setting up {user}: {status} {answer}")
    return etag


def both(pool, first, second):
    """Runs two calls at once and returns both answers."""
    a, b = pool.submit(first), pool.submit(second)
    return a.result(), b.result()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", action="append", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--min-rounds", type=int, default=50)
    parser.add_argument("--followers", type=int, default=24)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--max-seconds", type=float, default=240)
    args = parser.parse_args()
    if len(args.server) != 2:
        parser.error("give exactly two --server URLs")
    one, two = args.server
    rng = random.Random(args.seed)
    client = Client(args.secret)
    failures = []
    deadline = time.monotonic() + args.max_seconds
    run = f"r{args.seed % 10000}x{int(time.time()) % 100000}"

    def fail(message):
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)

    with ThreadPoolExecutor(max_workers=max(4, args.followers)) as pool:
        # 1. Two users race for one fresh username per round, each through its own server.
        alice, bob = f"{run}_alice", f"{run}_bob"
        create(client, one, alice)
        create(client, two, bob)
        claims = 0
        for round_ in range(args.rounds):
            if round_ >= args.min_rounds and time.monotonic() > deadline:
                print(f"note: time bound reached after {round_} claim rounds", file=sys.stderr)
                break
            name = f"{run}_c{round_}"
            pair = [(alice, one), (bob, two)]
            rng.shuffle(pair)  # which server gets its request submitted first varies by round
            (sa, _, _), (sb, _, _) = both(
                pool,
                lambda: put_profile(client, pair[0][1], pair[0][0], {"username": name}),
                lambda: put_profile(client, pair[1][1], pair[1][0], {"username": name}),
            )
            if sorted([sa, sb]) != [200, 409]:
                fail(f"claim round {round_}: statuses {sa} and {sb}, expected one 200 and one 409")
                continue
            winner = pair[0][0] if sa == 200 else pair[1][0]
            status, body, _ = client.call(two if round_ % 2 else one, "GET", f"/api/v1/profile/u/@{name}")
            owner = ((body or {}).get("data") or {}).get("userId")
            if status != 200 or owner != winner:
                fail(f"claim round {round_}: @{name} is {status} {owner}, the winner was {winner}")
            claims += 1

        # 2. Two writers race with the same If-Match on one profile, each through its own server.
        owner = f"{run}_shared"
        etag = create(client, one, owner)
        if not etag:
            raise SystemExit("the creator PUT answered no ETag")
        matches = 0
        for round_ in range(args.rounds):
            if round_ >= args.min_rounds and time.monotonic() > deadline:
                print(f"note: time bound reached after {round_} If-Match rounds", file=sys.stderr)
                break
            (sa, _, ea), (sb, _, eb) = both(
                pool,
                lambda: put_profile(client, one, owner, {"bio": f"one {round_}"}, etag),
                lambda: put_profile(client, two, owner, {"bio": f"two {round_}"}, etag),
            )
            if sorted([sa // 100, sb // 100]) != [2, 4] or 412 not in (sa, sb):
                fail(f"If-Match round {round_} at {etag}: statuses {sa} and {sb}, expected one 2xx and one 412")
                break
            new = ea if sa // 100 == 2 else eb
            if new != f'"v{int(etag.strip(chr(34))[1:]) + 1}"':
                fail(f"If-Match round {round_}: the version went from {etag} to {new}")
                break
            etag = new
            matches += 1

        # 3. Followers follow and unfollow one target through alternating servers, concurrently.
        target = f"{run}_target"
        create(client, one, target)
        followers = [f"{run}_f{i}" for i in range(args.followers)]
        for user in followers:
            create(client, two, user)

        def churn(index):
            user, following = followers[index], False
            steps = rng_steps[index]
            for step in range(steps):
                base = one if (step + index) % 2 else two
                method = "DELETE" if following else "POST"
                status, _, _ = client.call(base, method, f"/api/v1/profile/id/{target}/follow", user)
                if status != 200:
                    return None, f"{user} {method} follow: {status}"
                following = not following
            return following, None

        rng_steps = [rng.randint(5, 30) for _ in followers]
        outcomes = list(pool.map(churn, range(len(followers))))
        for user, (following, error) in zip(followers, outcomes):
            if error:
                fail(error)
        expected = sum(1 for following, _ in outcomes if following)
        for base in (one, two):
            status, body, _ = client.call(base, "GET", f"/api/v1/profile/id/{target}")
            data = (body or {}).get("data") or {}
            if status != 200 or data.get("followersCount") != expected:
                fail(f"{base}: the target's follower count is {data.get('followersCount')}, expected {expected}")
        for user, (following, _) in zip(followers, outcomes):
            status, body, _ = client.call(one, "GET", f"/api/v1/profile/id/{user}")
            data = (body or {}).get("data") or {}
            if data.get("followingCount") != (1 if following else 0):
                fail(f"{user} follows {data.get('followingCount')}, expected {1 if following else 0}")

    for error in client.server_errors:
        fail("5xx: " + error)
    print(
        f"two servers: {claims} username races (one 200, one 409 each), {matches} If-Match races (one 2xx, one 412 "
        f"each), {sum(rng_steps)} follow/unfollow calls from {len(followers)} followers: count {expected} exact; "
        f"{len(failures)} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
