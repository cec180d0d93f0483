<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows a progress feed (Atom) opened in a browser as a page a person can read: what a feed is, how to follow
  it, and its updates by title and date, each linked to the action's page. Feed readers never use it. Styled
  here, not by the site's stylesheet, because addresses in the page resolve against the feed's own address.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom"
                exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>

  <xsl:template match="/atom:feed">
    <html lang="{@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> (news feed)</title>
        <style>
          body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #0b0c0c; }
          .width { max-width: 48rem; margin: 0 auto; padding: 1rem; }
          header { background: #1d4f91; color: #fff; }
          header p { margin: 0; font-weight: 700; }
          h1 { font-size: 1.5rem; line-height: 1.2; overflow-wrap: break-word; }
          .panel { background: #f3f2f1; border-left: .35rem solid #1d4f91; padding: .5rem 1rem; margin: 1rem 0; }
          a { color: #1d5aa0; overflow-wrap: anywhere; }
          a:focus { outline: 3px solid transparent; background: #fd0; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; }
          .note { color: #505a5f; }
          ol { padding-left: 1.25rem; }
          li { margin-bottom: 1rem; }
          code { background: #f3f2f1; padding: 0 .25rem; overflow-wrap: anywhere; }
        </style>
      </head>
      <body>
        <header><div class="width"><p>News feed</p></div></header>
        <main class="width">
          <h1><xsl:value-of select="atom:title"/></h1>
          <div class="panel">
            <p><strong>This is a news feed.</strong> A feed brings each new progress update to a feed reader app, so that you need not come back to check.</p>
            <p>To follow it, copy this page's address from your browser's address bar into a feed reader, such as the one in many email programs and browsers. Its address is <code><xsl:value-of select="atom:link[@rel='self']/@href"/></code>.</p>
            <p><a href="{atom:link[@rel='alternate']/@href}">Go back to the page these updates belong to</a>.</p>
          </div>
          <p class="note"><xsl:value-of select="atom:subtitle"/></p>
          <h2>Updates in this feed</h2>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ol>
                <xsl:for-each select="atom:entry">
                  <li>
                    <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
                    <br/><span class="note">Dated <time datetime="{substring(atom:updated, 1, 10)}"><xsl:call-template name="day"><xsl:with-param name="iso" select="substring(atom:updated, 1, 10)"/></xsl:call-template></time>
                    <xsl:if test="atom:category/@label"> · <xsl:value-of select="atom:category/@label"/></xsl:if></span>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise>
              <p>No progress update with a date has been published yet, so there is nothing to follow for now. Updates will appear here, and in your feed reader, when they are published.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>
  <!-- A day as the site's pages write it, 28 November 2018, from its ISO form. -->
  <xsl:template name="day">
    <xsl:param name="iso"/>
    <xsl:value-of select="number(substring($iso, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring-before(substring-after('|01January|02February|03March|04April|05May|06June|07July|08August|09September|10October|11November|12December|', concat('|', substring($iso, 6, 2))), '|')"/>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($iso, 1, 4)"/>
  </xsl:template>
</xsl:stylesheet>
