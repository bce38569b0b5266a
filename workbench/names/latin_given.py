"""Common Arab, Kurdish and Turkish given names as French and English news spell them: a name of several
words that opens with one is a person's (Adil al-Ali is a man, not the province of Diyala).

Public naming facts, not people from any article. Left out: given names that open places or bodies of the
region (Salah ad-Din, Port-Saïd, Badr, Amal, Sultan Murad, Abou Kamal) and ones that are French or
English words (Said, Nour, Amir)."""

from __future__ import annotations

import unicodedata

_NAMES = """
mohammed mohamed mohammad muhammad mohamad mouhammad ahmed ahmad mahmoud mahmud mustafa moustafa mostafa ali
hassan hasan hussein houssein hussain hossein husayn omar omer othman osman khaled khalid saad ibrahim brahim
ismail ismaïl youssef yousef youssouf yusuf younes younis yunus moussa musa issa souleymane suleiman sulaiman
daoud dawood dawud jamal kamal fayçal faisal faysal fadel fadhil fares firas fouad fuad nouri nuri hadi adel adil
amer ammar imad abbas yasser yasir yassine yassin jaafar jafar sadeq sadiq tarek tariq zaid zeid zayd walid riyad
riad raed haidar haider hayder qassem qasim kassem qais qays kazem kadhim jawad mehdi mahdi moqtada muqtada
barham massoud masoud masud nechirvan masrour mazloum ilham farhad shirwan azad hoshyar bafel qubad lahur jalal
salih saleh najm nadjm mansour nasser nasr nabil nizar hashem hashim hisham hicham yahya yaqoub ayman oussama
osama usama anas amin anouar anwar bachar bashar bachir bashir bakr bilal jassem jasim jabbar hatem hazem hamid
hamed hamza khalil rachid rashid rami ridha rida raad ziad ziyad zakaria salem salim sami samer salman samir
chaker shaker sabah diaa dhiya talal aziz ezzat alaa ghazi ghassan falah fahd fawaz karim louay majid majed mazen
malek malik mohsen mourad murad marwan maher mouaz muadh mohannad muhannad nader nayef naïf haytham haitham akram
adib asaad ashraf iyad ayad bassem basil bassel tamer tawfiq thaer jaber harith hafez hafiz khalaf sattar qusay
uday oudai saif seif laith leith mosaab musab nawaf fadi shadi wissam wael waël ghaith ghiath
abdallah abdullah abdulla abdelkader abdelaziz abdelrahman abderrahmane abdulrahman abdelkarim abdelhamid
fatima fatma zainab zeinab mariam maryam aïcha aisha khadija houda rana leila layla salma hind souad nadia samira
mona nisreen nasrin hevrin rojin shirin ilhem hala reham rasha hanan amira lamia dalia rania suha soha hiba
sahar abir asma asmaa ghada maha noura wafa zahra sara lina dima reem rim
recep tayyip hakan mevlüt hulusi yaşar devlet bülent
""".split()


def key(word: str) -> str:
    """The word case-folded, its Latin accents dropped (Aïcha, Fayçal), its apostrophes and hyphens kept."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


GIVEN = frozenset(key(w) for w in _NAMES)
_ABD = ("abdel", "abdul", "abd-", "abdal")  # Abdel Karim, Abdul-Mahdi, Abd al-Karim: the servant of ...


def opens_with_given_name(name: str) -> str | None:
    """The first word of a name of two words or more when it is a given name (Adil al-Ali: "Adil"), else None."""
    words = name.split()
    if len(words) < 2:
        return None
    first = key(words[0])
    if first in GIVEN or first.startswith(_ABD) or first == "abd":
        return words[0]
    return None
