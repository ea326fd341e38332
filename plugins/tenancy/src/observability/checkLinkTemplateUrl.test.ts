import { checkLinkTemplateUrl } from './checkLinkTemplateUrl';

describe('checkLinkTemplateUrl', () => {
  it('accepts an http(s) URL with the known placeholders', () => {
    expect(
      checkLinkTemplateUrl(
        'https://grafana.example.com/d/ns?orgId=1&var-namespace={namespace}&var-cluster={cluster}#panel={environment}',
      ),
    ).toEqual([]);
    expect(checkLinkTemplateUrl('http://logs.example.com/{tenant}')).toEqual(
      [],
    );
  });

  it('refuses a user name or password in the URL', () => {
    for (const url of [
      'https://admin:hunter2@grafana.example.com/d/{tenant}',
      'https://admin@grafana.example.com/d/{tenant}',
      'https://{tenant}:x@grafana.example.com/',
    ]) {
      expect(checkLinkTemplateUrl(url)).toEqual([
        'must not carry a user name or password (user:password@): links never hold credentials',
      ]);
    }
  });

  it('refuses a query or fragment parameter named like a credential', () => {
    for (const [url, name] of [
      ['https://grafana.example.com/d/x?var-t={tenant}&token=abc', 'token'],
      ['https://grafana.example.com/d/x?api_key=abc', 'api_key'],
      ['https://grafana.example.com/d/x?apiKey=abc', 'apiKey'],
      ['https://grafana.example.com/d/x?key=abc', 'key'],
      ['https://grafana.example.com/d/x?Password=abc', 'Password'],
      ['https://grafana.example.com/d/x?client_secret=abc', 'client_secret'],
      ['https://grafana.example.com/d/x?auth=abc', 'auth'],
      ['https://grafana.example.com/d/x?access_token=abc', 'access_token'],
      ['https://s3.example.com/x?X-Amz-Signature=abc', 'X-Amz-Signature'],
      ['https://logs.example.com/x?sig=abc', 'sig'],
      ['https://logs.example.com/#/explore?id_token={tenant}', 'id_token'],
      ['https://logs.example.com/#jwt=abc', 'jwt'],
    ]) {
      expect(checkLinkTemplateUrl(url)).toEqual([
        `must not carry a credential: the parameter "${name}" looks like one (token, key, password, secret, auth, signature…); links never hold credentials`,
      ]);
    }
  });

  it('lets through parameters that only resemble a credential word', () => {
    expect(
      checkLinkTemplateUrl(
        'https://grafana.example.com/d/x?author=a&keyword=b&monkey=c&orgId=1',
      ),
    ).toEqual([]);
  });

  it('refuses an unknown placeholder, naming the known ones', () => {
    expect(
      checkLinkTemplateUrl(
        'https://grafana.example.com/d/{tenantName}?x={app}',
      ),
    ).toEqual([
      'uses the unknown placeholder {tenantName}, {app}; the placeholders are {tenant}, {namespace}, {cluster}, {environment}',
    ]);
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(checkLinkTemplateUrl('/grafana/d/{tenant}')).toEqual([
      'must be an absolute http or https URL',
    ]);
    expect(checkLinkTemplateUrl('ftp://files.example.com/{tenant}')).toEqual([
      'must be an http or https URL, found the scheme "ftp:"',
    ]);
    expect(checkLinkTemplateUrl('data:text/html,{tenant}')).toEqual([
      'must be an http or https URL, found the scheme "data:"',
    ]);
  });
});
