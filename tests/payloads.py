"""Attack texts for editors' fields (issue 14), shared by the renderer's unit tests and the one
build that puts them into every text field of every data file. Each is (name, Markdown text)."""

PAYLOADS = [
    # attribute lists (Python-Markdown's attr_list)
    ("attr-list-on-link", "[voor Drentse](https://www.drenthe.nl/){onmouseover=alert(document.domain)}"),
    ("attr-list-colon", "[link](https://www.drenthe.nl/){: onclick=\"alert(1)\" }"),
    ("attr-list-after-text", "Breng je situatie in kaart {onclick=alert(1)}"),
    ("attr-list-on-heading", "# Kop { onfocus=alert(1) autofocus tabindex=1 }"),
    ("attr-list-class-style", "Tekst {: .md-button style=\"position:fixed;inset:0\" }"),
    # scheme tricks
    ("javascript", "[klik](javascript:alert(1))"),
    ("javascript-case", "[klik](JaVaScRiPt:alert(1))"),
    ("javascript-newline", "[klik](java\nscript:alert(1))"),
    ("javascript-tab", "[klik](java\tscript:alert(1))"),
    ("javascript-leading-space", "[klik]( javascript:alert(1))"),
    ("javascript-entity", "[klik](&#106;avascript:alert(1))"),
    ("javascript-hex-entity", "[klik](&#x6A;avascript&#x3A;alert(1))"),
    ("javascript-named-colon", "[klik](javascript&colon;alert(1))"),
    ("javascript-percent", "[klik](%6Aavascript:alert(1))"),
    ("javascript-percent-colon", "[klik](javascript%3Aalert(1))"),
    ("javascript-nul", "[klik](java\x00script:alert(1))"),
    ("javascript-zero-width", "[klik](java\u200bscript:alert(1))"),
    ("vbscript", "[klik](vbscript:msgbox(1))"),
    ("data-html", "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("data-image", "[klik](data:image/svg+xml,<svg onload=alert(1)>)"),
    ("protocol-relative", "[klik](//elders.example/pad)"),
    ("backslash-host", "[klik](/\\elders.example/pad)"),
    ("http-plain", "[klik](http://elders.example/)"),
    ("file-scheme", "[klik](file:///etc/passwd)"),
    # raw HTML
    ("script-tag", "<script>alert(1)</script>"),
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("svg-onload", "\"><svg/onload=alert(1)>"),
    ("iframe", "<iframe src=\"https://elders.example/\"></iframe>"),
    ("html-comment", "<!-- --><script>alert(1)</script>"),
    # images
    ("image-foreign", "![x](https://elders.example/p.gif)"),
    ("image-reference", "![x][p]\n\n[p]: https://elders.example/p.gif"),
    # autolinks and references
    ("autolink-javascript", "<javascript:alert(1)>"),
    ("autolink-https", "<https://elders.example/>"),
    ("reference-javascript", "[klik][1]\n\n[1]: javascript:alert(1)"),
    ("reference-entity", "[klik][x]\n\n[x]: &#106;avascript:alert(1)"),
    # our own
    ("link-title-breakout", "[klik](https://www.drenthe.nl/ \"x\" onmouseover=\"alert(1)\")"),
    ("nested-link-in-image-text", "[![x](https://elders.example/p.gif)](https://www.drenthe.nl/)"),
    ("html-entity-tag", "&lt;img src=x onerror=alert(1)&gt;"),
    ("markdown-in-brackets", "[[x](javascript:alert(1))](https://www.drenthe.nl/)"),
]

# Texts that must keep working.
FINE = [
    "Een gewone zin met *nadruk*, **sterk** en een [link](https://www.drenthe.nl/pad?a=1&b=2).",
    "- een\n- lijst\n\n1. genummerd\n2. lijstje",
    "Mail [ons](mailto:info@example.nl) of bel [050 123 4567](tel:+31501234567).",
    "Zie [de ladder](/ladder/) en [hieronder](#bronnen).",
]
