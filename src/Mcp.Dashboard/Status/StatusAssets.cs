namespace Mcp.Dashboard.Status;

/// <summary>
/// The status page's own CSS and script, inlined so a reader needs one request. Mobile first;
/// colours meet WCAG AA (text at least 4.5:1 on its background); states also carry an icon and
/// a word. The script rewrites times in the reader's zone and language and polls the content
/// with If-None-Match, swapping it in only when it changed.
/// </summary>
internal static class StatusAssets
{
    public const string Css = """
        :root{--fg:#1f2328;--muted:#57606a;--bg:#fff;--line:#d0d7de;--ok:#1a7f37;--maint:#0b5cad;--bad:#b42318;--back:#6941c6;--up:#6e5500;--focus:#0b5cad}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
        .wrap{max-width:56rem;margin:0 auto;padding:0 1rem}
        a{color:var(--maint)}
        a:focus-visible,summary:focus-visible,main:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        .skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem}
        .skip:focus{left:.5rem;z-index:1}
        .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        .top{border-bottom:1px solid var(--line);background:#f6f8fa}
        .top-row{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding-top:.5rem;padding-bottom:.5rem}
        .brand{margin:0;font-weight:600}
        .langs{display:flex;gap:.75rem}
        .langs a{padding:.25rem .25rem;min-height:44px;display:inline-flex;align-items:center}
        .langs a[aria-current]{font-weight:700;text-decoration:none;color:var(--fg)}
        p.overall{font-size:1.35rem;font-weight:700;margin:1.25rem 0 .25rem;padding:.75rem 1rem;border-radius:6px;border:2px solid currentColor;background:#fff}
        h2{font-size:1.2rem;margin:1.75rem 0 .5rem}
        h3{font-size:1.05rem;margin:0 0 .25rem;overflow-wrap:anywhere}
        .muted{color:var(--muted)}
        .updated{margin:0}
        .empty{color:var(--muted);margin:.25rem 0}
        .icon{display:inline-block;min-width:1.1em;text-align:center}
        .s-operational{color:var(--ok)}
        .s-maintenance{color:var(--maint)}
        .s-degraded{color:var(--bad)}
        .s-rolledback{color:var(--back)}
        .s-upcoming{color:var(--up)}
        .migration{border:1px solid var(--line);border-left:6px solid currentColor;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
        .migration h3,.migration dl,.migration details,.migration .headline{color:var(--fg)}
        .headline{margin:.25rem 0 .5rem}
        .phase{font-weight:600;margin-right:.25rem}
        .migration.s-operational .phase{color:var(--ok)}.migration.s-maintenance .phase{color:var(--maint)}.migration.s-degraded .phase{color:var(--bad)}.migration.s-rolledback .phase{color:var(--back)}.migration.s-upcoming .phase{color:var(--up)}
        .facts{display:grid;grid-template-columns:1fr;gap:0;margin:0 0 .5rem}
        .facts dt{font-weight:600;font-size:.9rem;color:var(--muted)}
        .facts dd{margin:0 0 .35rem;overflow-wrap:anywhere}
        @media (min-width:40rem){.facts{grid-template-columns:9rem 1fr}.facts dd{margin:0 0 .25rem}}
        summary{cursor:pointer;padding:.6rem 0;font-weight:600}
        .timeline{list-style:none;margin:.25rem 0 0;padding:0;border-left:2px solid var(--line)}
        .timeline li{padding:.2rem 0 .4rem .75rem;overflow-wrap:anywhere}
        .timeline time{display:block;font-size:.85rem;color:var(--muted)}
        .note-label{font-weight:600}
        .note-text{white-space:pre-line}
        .window-note{display:block;color:var(--muted)}
        .env{margin-top:1rem;color:var(--muted);font-size:.95rem}
        .components{list-style:none;margin:0;padding:0}
        .component{border-bottom:1px solid var(--line);padding:.5rem 0}
        .component-row{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.25rem .75rem}
        .component-name{font-weight:600;overflow-wrap:anywhere}
        .state{font-weight:600}
        .bars{display:flex;gap:2px;margin:.35rem 0 .1rem;height:1.5rem}
        .bar{flex:1;border-radius:2px;background:currentColor;min-width:3px}
        .history{font-size:.85rem;margin:0}
        .foot{border-top:1px solid var(--line);margin-top:2rem;padding-bottom:2rem}
        .foot-title{font-size:1rem}
        .subscribe{padding-left:1.25rem}
        .subscribe li{margin:.35rem 0}
        @media (prefers-reduced-motion:no-preference){main.refreshed{animation:fade .6s ease-out}@keyframes fade{from{opacity:.55}to{opacity:1}}}
        """;

    public const string Script = """
        (function(){
          var main=document.getElementById('status-main'),say=document.getElementById('status-announce'),body=document.body;
          var lang=document.documentElement.lang||'en',tag=main.getAttribute('data-etag'),every=(+body.getAttribute('data-refresh')||20)*1000;
          var full;try{full=new Intl.DateTimeFormat(lang,{year:'numeric',month:'short',day:'numeric',hour:'2-digit',minute:'2-digit',timeZoneName:'short'});}catch(e){full=null;}
          function localize(root){if(!full)return;var ts=root.querySelectorAll('time[datetime]');for(var i=0;i<ts.length;i++){var d=new Date(ts[i].getAttribute('datetime'));if(!isNaN(d)){ts[i].title=ts[i].textContent;ts[i].textContent=full.format(d);}}}
          localize(document);
          function poll(){
            var h={};if(tag)h['If-None-Match']=tag;
            fetch('/status?fragment=1',{headers:h,cache:'no-cache',credentials:'same-origin'}).then(function(r){
              if(r.status!==200)return null;var t=r.headers.get('ETag');return r.text().then(function(html){
                var focus=main.contains(document.activeElement);main.innerHTML=html;tag=t;localize(main);
                main.classList.remove('refreshed');void main.offsetWidth;main.classList.add('refreshed');
                say.textContent='';setTimeout(function(){say.textContent=body.getAttribute('data-updated');},50);
                if(focus)main.focus();});
            }).catch(function(){}).then(function(){setTimeout(poll,every);});
          }
          setTimeout(poll,every);
        })();
        """;
}
