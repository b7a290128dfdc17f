"""Small word lists for mention finding (keys are folded: see :func:`name_key`)."""

from __future__ import annotations

from functools import lru_cache

from ._normalize import name_key

#: Capitalised function words (sentence-initial or in headings) of the six languages,
#: never a place or a name on their own.
FUNCTION_WORDS = frozenset(name_key(w) for w in """
the a an in on at to of for by with from as and but or nor he she it they we you i his her its their our this that
these those when while after before during although however then there here yet so if once since until upon into
also still even thus hence both each every some many most one two three no not after later later meanwhile
el la los las lo un una unos unas en de del con por para como cuando tras sus su se al y o pero durante desde hasta
entre sin sobre ante bajo segun este esta estos estas ese esa aquel ella ellos ellas fue era mientras despues antes
aunque tambien luego asi cual donde que quien solo aun ya si tal todo toda todos todas otro otra nada
le les des du au aux une dans sur avec pour par il elle ils elles son sa ses ce cet cette ces apres avant pendant
lorsque quand mais et ou donc puis alors ainsi comme selon vers chez sans sous dont qui
der die das den dem des ein eine einen einem einer im am zum zur nach mit von vom bei aus er sie es sein seine
ihr ihre als und oder aber wahrend nachdem bevor dann dort hier auch noch doch so wie wenn weil dass zu um uber
il lo gli i uno nel nella nei nelle della dello dei degli delle con per tra fra dopo prima quando mentre ma e
anche poi cosi dove come sua suo loro questo questa quello quella che chi
os as um uma no na nos nas do da dos das em com pelo pela pelos pelas apos antes enquanto mas ele ela eles elas
seu sua seus suas este esta isso aquele aquela tambem depois onde
mr mrs ms dr sir saint st san santa sao what who whom whose which where why how qui quoi que quel quelle
qual quale cosa chi welche welcher wer wie warum wo was cuyo cual quanto
""".split())

#: Titles stripped from the front of a person name ("General Frunze").
TITLES = frozenset(name_key(w) for w in """
general generals gen colonel col captain capt lieutenant marshal admiral comrade president premier chairman
tsar czar tsarina czarina emperor empress king queen prince princess grand duke duchess count countess baron
lord lady sir mr mrs ms dr doctor professor prof father saint st prime minister former late senator sen secretary
governor mayor judge justice chief ambassador deputy representative rep attorney district commander commissar
foreign interior defence defense war vice acting head leader spokesman spokeswoman chancellor
general generales coronel capitan mariscal camarada presidente zar zarina emperador emperatriz rey reina principe
princesa gran duque duquesa conde condesa baron senor senora don dona doctor profesor padre santo san
generale colonnello capitano maresciallo compagno presidente imperatore imperatrice re regina principe principessa
granduca duca contessa signor signora dottore
general marechal camarada presidente czar czarina imperador imperatriz rei rainha principe princesa duque senhor
senhora
general colonel capitaine marechal camarade president tsar tsarine empereur imperatrice roi reine prince princesse
grand duc duchesse comte comtesse monsieur madame docteur professeur pere
general generale oberst hauptmann marschall genosse prasident zar zarin kaiser kaiserin konig konigin prinz
prinzessin grossfurst furst herzog graf grafin herr frau doktor professor sohn tochter mann bruder schwester
vater mutter witwe genossin
""".split())

#: Name particles allowed inside a person or place name.
PARTICLES = frozenset("de da do dos das del della di du des la le van von der den y e zu ter ten af av bin ibn el al".split())

#: Prepositions after which a capitalised gazetteer name is very likely a place.
LOCATIVES = frozenset(name_key(w) for w in """
in at to into from near toward towards via en a al à au aux desde hacia nach im aus bei zu em no na para nel nella
nello negli verso dans vers sur
""".split())

#: Words that make a capitalised run an organisation, an event or a title, not a person.
NON_PERSON_WORDS = frozenset(name_key(w) for w in """
party committee congress army navy council commissariat commissar commission bureau university school academy
institute union republic empire kingdom state government ministry war revolution opposition international front
conference assembly soviet soviets church synod court police guard guards force forces order bank company society
league federation movement club museum station street square palace cathedral river lake mountain mountains island
forest railway treaty pact plan policy health affairs supply directorate presidium film control services
service office hill county beach phone marathon corp inc ltd co agency department center centre foundation hospital
airlines airline airport times post news press democrat democrats republican republicans economic new old north south east west central people peoples white red
partido comite congreso ejercito consejo comision universidad union republica imperio reino estado gobierno
ministerio guerra revolucion oposicion internacional frente conferencia asamblea iglesia sinodo tribunal policia
guardia orden banco sociedad liga federacion movimiento museo estacion calle plaza palacio catedral rio lago
isla bosque tratado comisariado comisario salud asuntos
parti comite congres armee conseil commission universite union republique empire royaume etat gouvernement
ministere guerre revolution opposition internationale front conference assemblee eglise tribunal police garde
ordre banque societe ligue mouvement musee gare rue place palais fleuve lac ile foret traite commissariat sante
partei komitee zentralkomitee kongress armee rat kommission universitat union republik reich staat regierung
ministerium krieg revolution opposition internationale front konferenz versammlung kirche gericht polizei garde
orden bank gesellschaft bund bewegung museum bahnhof strasse platz palast fluss see insel wald vertrag kommissariat
partito comitato congresso esercito consiglio commissione universita unione repubblica impero regno stato governo
ministero guerra rivoluzione opposizione internazionale fronte conferenza assemblea chiesa tribunale polizia
guardia ordine banca societa lega movimento museo stazione via piazza palazzo fiume lago isola foresta trattato
partido comite congresso exercito conselho comissao universidade uniao republica imperio reino estado governo
ministerio guerra revolucao oposicao internacional frente conferencia assembleia igreja tribunal policia guarda
ordem banco sociedade liga movimento museu estacao rua praca palacio rio lago ilha floresta tratado
""".split())


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month and weekday names (wide and abbreviated) in the six languages, folded."""
    import babel

    from ..model import SUPPORTED_LANGS

    out: set[str] = set()
    for lang in SUPPORTED_LANGS:
        loc = babel.Locale(lang)
        for table in (loc.months, loc.days):
            for ctx in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for name in table.get(ctx, {}).get(width, {}).values():
                        k = name_key(name)
                        if len(k) >= 3:
                            out.add(k)
    return frozenset(out)


#: Nationality adjectives (and German genitive country names) that make "Communist Party"
#: another country's party: "French Communist Party", "Parti communiste français",
#: "Kommunistische Partei Deutschlands".
NATIONALITIES = frozenset(name_key(w) for w in """
french german italian spanish chinese mexican british american polish hungarian bulgarian yugoslav czech
japanese indian cuban greek turkish norwegian romanian austrian belgian dutch swiss portuguese brazilian
argentine chilean finnish swedish danish english irish canadian australian ukrainian georgian
frances francesa aleman alemana italiano italiana espanol espanola chino china mexicano mexicana britanico
norteamericano polaco hungaro bulgaro yugoslavo checo japones cubano griego turco noruego rumano austriaco
belga holandes suizo portugues brasileno argentino chileno
francais francaise allemand allemande italien italienne espagnol espagnole chinois chinoise mexicain
mexicaine britannique americain americaine polonais hongrois bulgare yougoslave tcheque japonais cubain
grec turc norvegien roumain autrichien belge suisse portugais bresilien argentin chilien
francese tedesco tedesca spagnolo spagnola cinese messicano britannico americano polacco ungherese
jugoslavo ceco giapponese greco norvegese rumeno austriaco svizzero portoghese brasiliano
frances francesa alemao alema espanhol espanhola chines mexicano britanico americano polones hungaro
deutschlands frankreichs italiens spaniens chinas osterreichs polens ungarns mexikos englands
franzosische italienische spanische chinesische polnische osterreichische
""".split())

#: Words after "the party" / "el partido" that name a specific (other) party.
PARTY_QUALIFIERS = frozenset(name_key(w) for w in """
communist comunista communiste kommunistische comunista socialist socialista socialiste sozialistische socialdemocrata
sozialdemokratische social democratic bolshevik bolchevique bolscevico bolchevista menshevik menchevique nazi
nazionale nacional national nationale liberal liberale conservative conservador conservateur radical democrata
democrate democratico democratic republicano republicain republican obrero ouvrier operaio laborista labour labor
popular populaire popolare
""".split())
