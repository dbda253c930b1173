// The AP list without reloading: states, counts, dots and alerts from the JSON APIs every 10 s.
// The page is complete without this script.
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
