// One AP without reloading: its state, reasons and chart every 15 s. The page is complete without this script.
const id=document.getElementById('ap').dataset.ap;
async function refresh(){
  try{
    const ap=await (await fetch('/api/aps/'+encodeURIComponent(id),{credentials:'same-origin'})).json();
    const s=document.getElementById('state');s.textContent=ap.state;s.className=ap.state;
    document.getElementById('reasons').replaceChildren(...ap.reasons.map(r=>{const li=document.createElement('li');li.textContent=r;return li;}));
    document.getElementById('chart').innerHTML=await (await fetch('/console/aps/'+encodeURIComponent(id)+'/chart',{credentials:'same-origin'})).text();
  }catch(e){}
}
setInterval(refresh,15000);
