/** Who a token belongs to, as a reference target sees it. */
export interface TokenInfo {
  tenant: string;
  roles: string[];
}

/** Decides who a token is: static tokens, or an identity service (issue tokens, validate them). */
export interface TokenAuthority {
  identify(token: string): Promise<TokenInfo | undefined> | TokenInfo | undefined;
}

/** Tokens any of several authorities knows, asked in order. */
export class AnyOfTokens implements TokenAuthority {
  constructor(private readonly authorities: TokenAuthority[]) {}

  async identify(token: string): Promise<TokenInfo | undefined> {
    for (const authority of this.authorities) {
      const who = await authority.identify(token);
      if (who) return who;
    }
    return undefined;
  }
}

/** A fixed set of tokens: for a target started with known credentials. */
export class StaticTokens implements TokenAuthority {
  constructor(private readonly tokens: Map<string, TokenInfo>) {}

  identify(token: string): TokenInfo | undefined {
    return this.tokens.get(token);
  }
}
