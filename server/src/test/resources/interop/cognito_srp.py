"""The client side of Amazon Cognito's SRP (spec §2), as pycognito's AWSSRP does it, for boto3 scripts.

boto3 has no SRP of its own, and pycognito is not installable here, so this module writes out what
pycognito computes (spec §2.1, §2.2, §2.4):

    a = new_a()
    params = auth_params(username, a)                     # {"USERNAME", "SRP_A"} (+ "SECRET_HASH")
    started = idp.initiate_auth(AuthFlow="CUSTOM_AUTH", ClientId=..., AuthParameters=params)
    responses = password_verifier_responses(pool_id, password, a, started["ChallengeParameters"])
    idp.respond_to_auth_challenge(ClientId=..., ChallengeName="PASSWORD_VERIFIER",
                                  Session=started["Session"], ChallengeResponses=responses)

`auth_params` is exactly pycognito's `AWSSRP.get_auth_params()` (no CHALLENGE_NAME);
`password_verifier_responses` is its `process_challenge()`. Standard library only.
"""
import base64
import datetime
import hashlib
import hmac
import os

# The 3072-bit group of RFC 5054 and g = 2 (spec §2.1).
N = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16)
G = 2


def _pad_hex(n):
    """Hex of n, even-length, with a 00 sign byte when the top bit is set (spec §2.5.3)."""
    h = format(n, "x")
    if len(h) % 2:
        h = "0" + h
    if h[0] in "89abcdef":
        h = "00" + h
    return h


def _hex_hash(hex_string):
    return hashlib.sha256(bytes.fromhex(hex_string)).hexdigest()


K = int(_hex_hash(_pad_hex(N) + _pad_hex(G)), 16)


def new_a():
    """A fresh private value a: 128 random bytes, as pycognito draws it."""
    return int.from_bytes(os.urandom(128), "big")


def srp_a(a):
    """SRP_A = g^a mod N, as unpadded lower-case hex (spec §2.2)."""
    return format(pow(G, a, N), "x")


def secret_hash(username, client_id, client_secret):
    """SECRET_HASH = Base64(HMAC-SHA256(client secret, username + client id))."""
    digest = hmac.new(client_secret.encode(), (username + client_id).encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def auth_params(username, a, client_id=None, client_secret=None):
    """InitiateAuth's AuthParameters as pycognito's get_auth_params() makes them: no CHALLENGE_NAME."""
    params = {"USERNAME": username, "SRP_A": srp_a(a)}
    if client_secret is not None:
        params["SECRET_HASH"] = secret_hash(username, client_id, client_secret)
    return params


def timestamp(now=None):
    """Cognito's TIMESTAMP, 'EEE MMM d HH:mm:ss UTC yyyy' in English, day without a leading zero (spec §2.4)."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return (f"{days[now.weekday()]} {months[now.month - 1]} {now.day} "
            f"{now.hour:02d}:{now.minute:02d}:{now.second:02d} UTC {now.year}")


def password_verifier_responses(pool_id, password, a, challenge_parameters, client_id=None, client_secret=None,
                                now=None):
    """The PASSWORD_VERIFIER ChallengeResponses proving `password`, from the challenge's parameters.

    `pool_id` is the user pool id (its part after "_" is the pool name in the maths); `a` the private
    value whose SRP_A began the sign-in; `now` (UTC datetime) defaults to the current time.
    """
    user_id = challenge_parameters["USER_ID_FOR_SRP"]
    username = challenge_parameters.get("USERNAME", user_id)
    pool_name = pool_id.split("_")[1]
    big_a = pow(G, a, N)
    big_b = int(challenge_parameters["SRP_B"], 16)
    salt = int(challenge_parameters["SALT"], 16)
    u = int(_hex_hash(_pad_hex(big_a) + _pad_hex(big_b)), 16)
    inner = hashlib.sha256((pool_name + user_id + ":" + password).encode()).hexdigest()
    x = int(_hex_hash(_pad_hex(salt) + inner), 16)
    s = pow(big_b - K * pow(G, x, N), a + u * x, N)
    prk = hmac.new(bytes.fromhex(_pad_hex(u)), bytes.fromhex(_pad_hex(s)), hashlib.sha256).digest()
    key = hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]
    when = timestamp(now)
    message = (pool_name.encode() + user_id.encode() + base64.b64decode(challenge_parameters["SECRET_BLOCK"])
               + when.encode())
    responses = {"TIMESTAMP": when, "USERNAME": username,
                 "PASSWORD_CLAIM_SECRET_BLOCK": challenge_parameters["SECRET_BLOCK"],
                 "PASSWORD_CLAIM_SIGNATURE": base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()}
    if client_secret is not None:
        responses["SECRET_HASH"] = secret_hash(username, client_id, client_secret)
    return responses
