package main

import (
	"crypto/subtle"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"path"
	"strings"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/soap"
)

// requireDatastoreCredentials guards vcsim's datastore file access (/folder) the way vCenter does:
// the caller must present a live vim25 session cookie or HTTP basic credentials of the vCenter
// user; anyone else gets 401. govmomi's simulator serves /folder to anybody, which would let a
// client that never logged in read disks, so a test of the vddk source could not fail on that.
// Like vCenter, an answer to basic credentials sets a session cookie: virt-v2v's vpx input gets
// its cookie that way (a HEAD with the password) and then reads the disk with the cookie alone.
func requireDatastoreCredentials(
	service *simulator.Service, next http.Handler, username, password string,
) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The path as the mux will route it, so no spelling (//folder, /x/../folder) slips past.
		if !strings.HasPrefix(path.Clean("/"+r.URL.Path), "/folder") || hasLiveSession(service, r) {
			next.ServeHTTP(w, r)
			return
		}
		if hasBasicCredentials(r, username, password) {
			if cookie := loginCookie(service, username, password); cookie != "" {
				w.Header().Add("Set-Cookie", cookie)
			}
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("WWW-Authenticate", `Basic realm="VMware HTTP server"`)
		http.Error(w, "401 Unauthorized: log in through the SDK or send basic credentials", http.StatusUnauthorized)
	})
}

func hasBasicCredentials(r *http.Request, username, password string) bool {
	user, pass, ok := r.BasicAuth()
	return ok &&
		subtle.ConstantTimeCompare([]byte(user), []byte(username)) == 1 &&
		subtle.ConstantTimeCompare([]byte(pass), []byte(password)) == 1
}

// currentTime is the cheapest vim25 call that needs a session: the simulator answers it with a
// NotAuthenticated fault (HTTP 500) unless the cookie names a session that is logged in.
const currentTime = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:vim25">` +
	`<soapenv:Body><CurrentTime><_this type="ServiceInstance">ServiceInstance</_this></CurrentTime>` +
	`</soapenv:Body></soapenv:Envelope>`

// hasLiveSession asks the simulator's own SDK handler, in process, whether the request's session
// cookie is logged in: the session table is private to the simulator, and this is the same check
// every SOAP call goes through (it also keeps the session from idling out, as vCenter's does).
func hasLiveSession(service *simulator.Service, r *http.Request) bool {
	cookie, err := r.Cookie(soap.SessionCookieName)
	if err != nil || cookie.Value == "" {
		return false
	}
	probe := httptest.NewRequest(http.MethodPost, "/sdk", strings.NewReader(currentTime))
	probe.AddCookie(cookie)
	answer := httptest.NewRecorder()
	service.ServeSDK(answer, probe)
	return answer.Code == http.StatusOK
}

// loginCookie logs the user in through the simulator's own SDK handler, in process, and returns
// the Set-Cookie header of the new session ("" if the login failed).
func loginCookie(service *simulator.Service, username, password string) string {
	var body strings.Builder
	body.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` +
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:vim25">` +
		`<soapenv:Body><Login><_this type="SessionManager">SessionManager</_this><userName>`)
	xml.EscapeText(&body, []byte(username))
	body.WriteString(`</userName><password>`)
	xml.EscapeText(&body, []byte(password))
	body.WriteString(`</password></Login></soapenv:Body></soapenv:Envelope>`)
	probe := httptest.NewRequest(http.MethodPost, "/sdk", strings.NewReader(body.String()))
	answer := httptest.NewRecorder()
	service.ServeSDK(answer, probe)
	if answer.Code != http.StatusOK {
		return ""
	}
	return answer.Header().Get("Set-Cookie")
}
