/** Who a token belongs to, as a reference target sees it. */
export interface TokenInfo {
  tenant: string;
  roles: string[];
}

/** Decides who a token is: static tokens, or an identity service (issue tokens, validate them). */
export interface TokenAuthority {
  identify(token: string): Promise<TokenInfo | undefined> | TokenInfo | undefined;
}

/** A fixed set of tokens: for a target started with known credentials. */
export class StaticTokens implements TokenAuthority {
  constructor(private readonly tokens: Map<string, TokenInfo>) {}

  identify(token: string): TokenInfo | undefined {
    return this.tokens.get(token);
  }
}
