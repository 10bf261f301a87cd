"""A partner's learning platform for the LTI tests, built on PyPI's
lti1p3platform (OpenLearning's LTI 1.3 platform library): the library
makes the login initiation, checks the tool's authentication request,
signs the launch (resource link or deep linking), grants tokens for the
tool's signed assertions and checks the tool's deep-linking answer. This
file only puts it on loopback HTTP, as an LMS would, and keeps what
arrives for the test to read.

    python lti_platform.py make-key PATH      an RSA key (PKCS#8 PEM)
    python lti_platform.py serve PORT         the platform

Addresses (the test reads them as an LMS administrator would):
    GET  /jwks                 the platform's public keys
    GET  /start?tool=…&user=…  a launch: off to the tool's login
         &roles=learner|instructor&course=…&lesson=…&kind=resource|deep
    GET  /authorize?…          the tool's authentication request; answers
         with the auto-submitting launch form (&variant=… signs it wrongly)
    POST /token                client credentials for the tool's assertion
    POST /lineitems/N/lineitem/scores   a score (bearer token checked)
    POST /deep-link-return     the tool's deep-linking answer (checked)
    GET  /received             what arrived, as JSON
    POST /down, /up            the score service refuses (503) or takes
"""

import html
import json
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from jwcrypto.jwk import JWK

from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration

CLIENT_ID = "learn-tool"
DEPLOYMENT_ID = "deployment-1"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"

STATE = {
    "tool": None,
    "launches": {},
    "scores": [],
    "deep_links": [],
    "down": False,
    "lock": threading.Lock(),
}


def make_key():
    return JWK.generate(kty="RSA", size=2048).export_to_pem(private_key=True, password=None).decode()


class Platform(LTI1P3PlatformConfAbstract):
    def init_platform_config(self, issuer, private_key, tool):
        public_key = JWK.from_pem(private_key.encode()).export_to_pem().decode()
        registration = (
            Registration()
            .set_iss(issuer)
            .set_client_id(CLIENT_ID)
            .set_deployment_id(DEPLOYMENT_ID)
            .set_platform_public_key(public_key)
            .set_platform_private_key(private_key)
        )
        if tool:
            registration.set_launch_url(tool + "/lti/launch")
            registration.set_deeplink_launch_url(tool + "/lti/launch")
            registration.set_oidc_login_url(tool + "/lti/login")
            registration.set_tool_key_set_url(tool + "/lti/jwks.json")
        self._registration = registration

    def get_registration_by_params(self, **kwargs):
        return self._registration


class Login(OIDCLoginAbstract):
    def set_lti_message_hint(self, **kwargs):
        self._lti_message_hint = kwargs["hint"]

    def get_redirect(self, url):
        return url


class Launch(LTIAdvantageMessageLaunchAbstract):
    def __init__(self, request, platform, launch):
        super().__init__(request, platform)
        self.launch = launch

    def get_preflight_response(self):
        return self._request

    def prepare_launch(self, preflight_response):
        launch = self.launch
        roles = {
            "learner": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            "instructor": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"],
        }[launch["roles"]]
        self.set_user_data(launch["user"], roles, full_name=launch.get("name"), preferred_username=launch["user"])
        self.set_launch_context_claim("course-101", ["http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"])
        if launch["kind"] == "deep":
            self.set_dl(SERVER["base"] + "/deep-link-return", title="Digital skills", extra_data="placement-7")
            return
        self.set_resource_link_claim("link-" + launch["course"])
        custom = {"course": launch["course"]}
        if launch.get("lesson"):
            custom["lesson"] = launch["lesson"]
        self.set_custom_parameters_claim(custom)
        lineitem = SERVER["base"] + "/lineitems/" + launch["course"] + "/lineitem"
        self.set_ags(SERVER["base"] + "/lineitems", lineitem, allow_creating_lineitems=False)

    def render_launch_form(self, launch_data, **kwargs):
        return launch_data


SERVER = {"base": None, "key": None, "other_key": None}


def platform(private_key=None):
    return Platform(issuer=SERVER["base"], private_key=private_key or SERVER["key"], tool=STATE["tool"])


def launch_form(action, id_token, state):
    return (
        "<!DOCTYPE html><html><body><form method=\"post\" action=\"%s\">"
        "<input type=\"hidden\" name=\"id_token\" value=\"%s\">"
        "<input type=\"hidden\" name=\"state\" value=\"%s\">"
        "<button type=\"submit\">Continue</button></form>"
        "<script>document.forms[0].submit()</script></body></html>"
    ) % (html.escape(action), html.escape(id_token), html.escape(state))


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body, kind="application/json", headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def query(self):
        return dict(urllib.parse.parse_qsl(urllib.parse.urlparse(self.path).query))

    def form(self):
        length = int(self.headers.get("Content-Length") or 0)
        return dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))

    def do_GET(self):
        path = urllib.parse.urlparse(self.path).path
        if path == "/jwks":
            return self.reply(200, json.dumps(platform().get_jwks()))
        if path == "/received":
            with STATE["lock"]:
                return self.reply(200, json.dumps({"scores": STATE["scores"], "deep_links": STATE["deep_links"]}))
        if path == "/start":
            return self.start(self.query())
        if path == "/authorize":
            return self.authorize(self.query())
        return self.reply(404, "{}")

    def do_POST(self):
        path = urllib.parse.urlparse(self.path).path
        if path == "/token":
            try:
                granted = platform().get_access_token(self.form())
            except Exception as error:  # the library's refusals
                return self.reply(400, json.dumps({"error": "invalid_client", "detail": str(error)}))
            return self.reply(200, json.dumps(granted))
        if path.startswith("/lineitems/") and path.endswith("/lineitem/scores"):
            return self.score(path)
        if path == "/deep-link-return":
            try:
                items = platform().validate_deeplinking_resp(self.form())
            except Exception as error:
                return self.reply(400, json.dumps({"error": str(error)}))
            with STATE["lock"]:
                STATE["deep_links"].append(items)
            return self.reply(200, "<!DOCTYPE html><p>Placed.</p>", "text/html")
        if path in ("/down", "/up"):
            STATE["down"] = path == "/down"
            return self.reply(200, "{}")
        return self.reply(404, "{}")

    def start(self, query):
        STATE["tool"] = query["tool"]
        hint = str(len(STATE["launches"]) + 1)
        STATE["launches"][hint] = {
            "user": query["user"],
            "name": query.get("name"),
            "roles": query.get("roles", "learner"),
            "course": query.get("course", ""),
            "lesson": query.get("lesson"),
            "kind": query.get("kind", "resource"),
        }
        login = Login(None, platform())
        login.set_lti_message_hint(hint=hint)
        url = login.initiate_login(query["user"])
        return self.reply(302, "", "text/plain", [("Location", url)])

    def authorize(self, query):
        launch = STATE["launches"].get(query.get("lti_message_hint", ""))
        if launch is None or query.get("login_hint") != launch["user"]:
            return self.reply(400, json.dumps({"error": "unknown launch"}))
        if query.get("redirect_uri") != STATE["tool"] + "/lti/launch" or query.get("response_mode") != "form_post":
            return self.reply(400, json.dumps({"error": "wrong redirect_uri or response_mode"}))
        variant = query.get("variant", "")
        key = SERVER["other_key"] if variant == "other-key" else SERVER["key"]
        message = Launch(query, platform(key), launch)
        if variant == "expired":
            message.set_id_token_expiration(-120)
        if variant == "other-deployment":
            message._platform_config.get_registration().set_deployment_id("deployment-9")
        if variant == "other-audience":
            message._platform_config.get_registration().set_client_id("another-tool")
            query = dict(query, client_id="another-tool")
            message._request = query
        data = message.lti_launch()
        return self.reply(200, launch_form(data["launch_url"], data["id_token"], data["state"]), "text/html")

    def score(self, path):
        if STATE["down"]:
            return self.reply(503, json.dumps({"error": "down for maintenance"}))
        bearer = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
        try:
            allowed = platform().validate_token(bearer, allowed_scopes=[SCORE_SCOPE])
        except Exception as error:
            return self.reply(401, json.dumps({"error": str(error)}))
        if not allowed or self.headers.get("Content-Type") != "application/vnd.ims.lis.v1.score+json":
            return self.reply(403, json.dumps({"error": "scope or media type"}))
        length = int(self.headers.get("Content-Length") or 0)
        score = json.loads(self.rfile.read(length))
        score["lineitem"] = path.split("/")[2]
        with STATE["lock"]:
            STATE["scores"].append(score)
        return self.reply(200, "{}")


def main():
    if sys.argv[1] == "make-key":
        with open(sys.argv[2], "w") as file:
            file.write(make_key())
        return
    port = int(sys.argv[2])
    SERVER["base"] = "http://127.0.0.1:%d" % port
    SERVER["key"] = make_key()
    SERVER["other_key"] = make_key()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
