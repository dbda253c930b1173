package io.steppe.controller.web;

/** The AP pages' scripts (served by {@link ApConsoleAssets}): poll the JSON APIs and repaint what changed; the pages work without them. */
final class ApConsoleScript {

    private ApConsoleScript() {
    }

    static final String LIST = """
            const colours={UP:'#2e9d4f',DEGRADED:'#f0a000',DOWN:'#d32f2f',UNREACHABLE:'#8e24aa',UNKNOWN:'#90a0b0'};
            async function refresh(){
              try{
                const aps=await (await fetch('/api/aps',{credentials:'same-origin'})).json();
                const counts={};
                for(const ap of aps){
                  counts[ap.state]=(counts[ap.state]||0)+1;
                  const dot=document.querySelector('circle[data-id="'+CSS.escape(ap.id)+'"]');
                  if(dot){dot.setAttribute('fill',colours[ap.state]);dot.querySelector('title').textContent=ap.id+' '+ap.state+(ap.reasons.length?': '+ap.reasons[0]:'');}
                  const row=document.querySelector('tr[data-id="'+CSS.escape(ap.id)+'"]');
                  if(row){const s=row.querySelector('.state');s.textContent=ap.state;s.className='state '+ap.state;row.querySelector('.reasons').textContent=ap.reasons.join('; ');}
                }
                for(const el of document.querySelectorAll('[data-count]')){el.textContent=counts[el.dataset.count]||0;}
                const alerts=await (await fetch('/api/alerts',{credentials:'same-origin'})).json();
                const list=document.getElementById('alerts');
                list.replaceChildren(...(alerts.length?alerts:[{message:'none'}]).map(a=>{const li=document.createElement('li');li.textContent=a.message+(a.openedAt?' (since '+a.openedAt+')':'');return li;}));
              }catch(e){}
            }
            setInterval(refresh,10000);
            """;

    static final String ONE = """
            const id=document.querySelector('main').dataset.ap;
            async function refresh(){
              try{
                const ap=await (await fetch('/api/aps/'+encodeURIComponent(id),{credentials:'same-origin'})).json();
                const s=document.getElementById('state');s.textContent=ap.state;s.className=ap.state;
                document.getElementById('reasons').replaceChildren(...ap.reasons.map(r=>{const li=document.createElement('li');li.textContent=r;return li;}));
                document.getElementById('chart').innerHTML=await (await fetch('/console/aps/'+encodeURIComponent(id)+'/chart',{credentials:'same-origin'})).text();
              }catch(e){}
            }
            setInterval(refresh,15000);
            """;
}
