// What a browser shows without the access token: how to get in, never the token or where on disk
// it is, since anyone who can reach the port sees this page.
export const SIGN_IN_MESSAGE =
  'Sign in with the console URL the app printed at start (…/?token=…), or send Authorization: Bearer <token>';

export const SIGN_IN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Forklift Console: sign in</title></head>
<body>
<main data-testid="sign-in-page">
<h1>Sign in to Forklift Console</h1>
<p>This console holds the credentials of your virtualization estate, so it opens only with its
access link. The app printed that link when it started, on the line</p>
<pre>Forklift Console: http://localhost:9000/?token=…</pre>
<p>Open that link in this browser. The token is also in the file <code>access-token</code> in the
app's data directory (<code>--data-dir</code>, <code>.data</code> by default), which only the user
who started the app can read. Programs send it as <code>Authorization: Bearer &lt;token&gt;</code>;
users of the embedded Kubernetes API can use their own token from <code>tokens.csv</code>.</p>
</main>
</body>
</html>
`;
