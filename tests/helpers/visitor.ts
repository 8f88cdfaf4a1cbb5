/**
 * A browser without a browser: plain HTTP requests to a running server with a cookie jar of
 * its own, for tests that need exact status codes, copied cookies or hundreds of requests.
 */
export class Visitor {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  /** The Cookie header this visitor sends. */
  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Another visitor that starts with a copy of this one's cookies (a copied cookie jar). */
  copy(): Visitor {
    const other = new Visitor(this.base);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string): Promise<Page> {
    const response = await fetch(this.base + path, { redirect: "manual", headers: { Cookie: this.cookieHeader } });
    this.remember(response);
    return Page.of(response);
  }

  async post(path: string, fields: Record<string, string | string[]>, init: { body?: BodyInit; contentType?: string } = {}): Promise<Page> {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
    const response = await fetch(this.base + path, {
      method: "POST",
      redirect: "manual",
      body: init.body ?? form,
      headers: {
        Origin: this.base,
        Cookie: this.cookieHeader,
        ...(init.contentType ? { "Content-Type": init.contentType } : {}),
      },
    });
    this.remember(response);
    return Page.of(response);
  }
}

/** A response with its body read, and HTML entities undone for text checks. */
export class Page {
  private constructor(
    readonly status: number,
    readonly location: string | null,
    readonly html: string,
    /** The Retry-After header in seconds (429s), or null. */
    readonly retryAfter: number | null = null,
  ) {}

  static async of(response: Response): Promise<Page> {
    const retryAfter = response.headers.get("retry-after");
    return new Page(response.status, response.headers.get("location"), await response.text(), retryAfter === null ? null : Number(retryAfter));
  }

  /** The page's text with entities decoded (enough for checking that a message is shown). */
  get text(): string {
    return this.html
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  }

  /** The text of the element with this data-testid, or null. */
  testId(id: string): string | null {
    return new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(this.html)?.[1]?.trim() ?? null;
  }
}
