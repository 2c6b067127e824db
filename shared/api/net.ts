// system.net: HTTP, email and network facts.
import { ALL_SCOPES, defineModule, VISION_ONLY } from './define';

const httpOptions =
  'connectTimeout: int = 10000, readTimeout: int = 60000, username: str = None, password: str = None, headerValues: dict = None, ' +
  'bypassCertValidation: bool = True';

export const net = defineModule('system.net', 'Networking: HTTP clients and calls, email, host names and addresses.', ALL_SCOPES, [
  { name: 'getExternalIpAddress', signature: '() -> str', doc: 'The public IP address, as seen by an outside service.' },
  { name: 'getHostName', signature: '() -> str', doc: 'The host name of the machine the script runs on.' },
  { name: 'getIpAddress', signature: '() -> str', doc: 'The IP address of the machine the script runs on.' },
  { name: 'getRemoteServers', signature: '(runningOnly: bool = True) -> list[str]', doc: 'The gateways reachable over the gateway network.' },
  {
    name: 'httpClient',
    signature:
      "(timeout: int = 60000, bypass_cert_validation: bool = False, username: str = None, password: str = None, proxy: str = None, " +
      "cookie_policy: str = 'ACCEPT_ORIGINAL_SERVER', redirect_policy: str = 'NORMAL', version: str = 'HTTP_2', customizer: Callable = None) -> JythonHttpClient",
    doc: 'A reusable HTTP client with get/post/put/delete, synchronous and asynchronous.',
  },
  {
    name: 'httpDelete',
    signature: `(url: str, contentType: str = None, ${httpOptions}, throwOnError: bool = True) -> str`,
    doc: 'Sends an HTTP DELETE and returns the response body.',
  },
  {
    name: 'httpGet',
    signature: `(url: str, ${httpOptions}, useCaches: bool = True, throwOnError: bool = True) -> str`,
    doc: 'Sends an HTTP GET and returns the response body.',
  },
  {
    name: 'httpPost',
    signature: [
      { signature: '(url: str, postParams: dict) -> str', note: 'form-encodes a dictionary' },
      { signature: `(url: str, contentType: str, postData: str, ${httpOptions}, throwOnError: bool = True) -> str`, note: 'sends a body' },
    ],
    doc: 'Sends an HTTP POST and returns the response body.',
  },
  {
    name: 'httpPut',
    signature: `(url: str, putData: str, contentType: str = None, ${httpOptions}, throwOnError: bool = True) -> str`,
    doc: 'Sends an HTTP PUT and returns the response body.',
  },
  { name: 'openURL', signature: '(url: str, useApplet: bool = False) -> None', scopes: VISION_ONLY, doc: "Opens a URL in the Vision user's browser.", perspectiveInstead: 'system.perspective.navigate(url=...)' },
  {
    name: 'sendEmail',
    signature:
      "(smtp: str = None, fromAddr: str = '', subject: str = None, body: str = None, html: bool = False, to: list[str] = None, " +
      'attachmentNames: list[str] = None, attachmentData: list = None, timeout: int = 300000, username: str = None, password: str = None, ' +
      "priority: str = '3', smtpProfile: str = None, cc: list[str] = None, bcc: list[str] = None, retries: int = 0, replyTo: list[str] = None) -> None",
    doc: 'Sends an email through an SMTP server or a gateway SMTP profile.',
  },
]);
