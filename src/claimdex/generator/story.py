"""Random but coherent claim stories: :func:`make_story` builds one :class:`ClaimStory`.

All names, organisations, numbers and addresses are invented (suburbs and postcodes are
real so that addresses look right). Every choice comes from the ``random.Random`` passed
in, so a story is fully determined by the generator state.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

from claimdex.generator.model import (
    CaseManagerStint,
    Certificate,
    ClaimStory,
    Decision,
    Injury,
    Org,
    Person,
    Scheme,
)

DAY = dt.timedelta(days=1)

# --------------------------------------------------------------------------- schemes

SCHEMES: dict[str, Scheme] = {
    "NSW": Scheme("NSW", "NSW", "SIRA", "Workers Compensation Act 1987",
                  "Certificate of Capacity", "Worker's injury claim form", "PIAWE"),
    "VIC": Scheme("VIC", "VIC", "WorkSafe Victoria",
                  "Workplace Injury Rehabilitation and Compensation Act 2013",
                  "Certificate of Capacity", "Worker's Claim Form", "PIAWE"),
    "QLD": Scheme("QLD", "QLD", "WorkCover Queensland",
                  "Workers' Compensation and Rehabilitation Act 2003",
                  "Work Capacity Certificate", "Application for compensation", "NWE"),
    "SA": Scheme("SA", "SA", "ReturnToWorkSA", "Return to Work Act 2014",
                 "Work Capacity Certificate", "Work injury claim form", "AWE"),
    "WA": Scheme("WA", "WA", "WorkCover WA",
                 "Workers Compensation and Injury Management Act 2023",
                 "Certificate of Capacity", "Workers' compensation claim form", "PIAWE"),
    "COMCARE": Scheme("COMCARE", "ACT", "Comcare",
                      "Safety, Rehabilitation and Compensation Act 1988",
                      "Work capacity certificate", "Claim for workers' compensation", "NWE"),
    "TAS": Scheme("TAS", "TAS", "WorkSafe Tasmania",
                  "Workers Rehabilitation and Compensation Act 1988",
                  "Workers Compensation Medical Certificate",
                  "Workers compensation claim form", "normal weekly earnings"),
    "NT": Scheme("NT", "NT", "NT WorkSafe", "Return to Work Act 1986", "Medical Certificate",
                 "Workers compensation claim form", "normal weekly earnings"),
}
SCHEME_CODES: tuple[str, ...] = tuple(SCHEMES)
_SCHEME_WEIGHTS = (30, 22, 16, 8, 10, 6, 4, 4)

# (name, claim-number pattern). Patterns: {P} prefix letters, {yy}/{mm} of notification,
# {nK} K random digits.
INSURERS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "NSW": (
        ("Harbour Workers Insurance", "HW", "{P}-{yy}{mm}-{n6}"),
        ("Coastline Mutual Workers Compensation", "CM", "{P}{n8}"),
        ("Gumtree Insurance Services", "GIS", "{P}/{yy}/{n6}"),
        ("Parramatta General Insurance", "PGI", "{n7}-{n2}"),
        ("Sentinel Workplace Insurance", "SW", "{P}{yy}{n7}"),
        ("Bridgewater Claims Management", "BCM", "WC{yy}-{n5}"),
        ("Eastern Seaboard Insurance Ltd", "ESI", "{n10}"),
    ),
    "VIC": (
        ("Yarra Claims Services", "YCS", "{yy}{n8}"),
        ("Southbank Workplace Solutions", "SB", "{P}{n9}"),
        ("Bayside Claims Management", "BAY", "{P}-{n7}"),
        ("Portside Insurance Services", "PIS", "{n8}/{yy}"),
        ("Dandenong Ranges Claims Agency", "DRC", "V{yy}{n6}"),
    ),
    "QLD": (
        ("WorkCover Queensland", "C", "{P}{n8}"),
        ("Sunstate Self-Insurance Group", "SSG", "{P}-{yy}-{n5}"),
        ("Moreton Claims Services", "MCS", "Q{n9}"),
    ),
    "SA": (
        ("Torrens Claims Partners", "TCP", "{n8}"),
        ("Adelaide Workplace Recovery", "AWR", "{P}{yy}{n6}"),
        ("Gulf Claims Management", "GCM", "{yy}/{n6}"),
    ),
    "WA": (
        ("Swan River Insurance", "SRI", "{P}{n7}"),
        ("Indian Ocean Mutual", "IOM", "WC{n8}"),
        ("Goldfields Insurance Ltd", "GIL", "{P}-{yy}{mm}{n4}"),
        ("Perth Workers Cover", "PWC", "{n6}-{yy}"),
    ),
    "COMCARE": (
        ("Comcare", "C", "{yy}/{n6}"),
        ("Commonwealth Claims Services", "CCS", "{P}{n8}"),
        ("Federal Workplace Insurance", "FWI", "{P}-{yy}-{n6}"),
    ),
    "TAS": (
        ("Derwent Insurance", "DI", "{P}{n7}"),
        ("Apple Isle Workers Cover", "AIW", "T{yy}{n5}"),
        ("Tamar Mutual", "TM", "{P}/{n6}"),
    ),
    "NT": (
        ("Top End Insurance", "TEI", "{P}{n6}"),
        ("Territory Workers Cover", "TWC", "NT{yy}{n5}"),
        ("Arafura Claims Services", "ACS", "{n8}"),
    ),
}

# --------------------------------------------------------------------------- places

SUBURBS: dict[str, tuple[tuple[str, str], ...]] = {
    "NSW": (
        ("Parramatta", "2150"), ("Blacktown", "2148"), ("Liverpool", "2170"),
        ("Penrith", "2750"), ("Campbelltown", "2560"), ("Bankstown", "2200"),
        ("Auburn", "2144"), ("Wollongong", "2500"), ("Newcastle", "2300"),
        ("Gosford", "2250"), ("Wagga Wagga", "2650"), ("Dubbo", "2830"),
        ("Tamworth", "2340"), ("Orange", "2800"), ("Chatswood", "2067"),
        ("Hurstville", "2220"), ("Fairfield", "2165"), ("Cabramatta", "2166"),
        ("Wetherill Park", "2164"), ("Seven Hills", "2147"), ("Castle Hill", "2154"),
        ("Maitland", "2320"), ("Coffs Harbour", "2450"), ("Lismore", "2480"),
        ("Albury", "2640"), ("Mascot", "2020"), ("Alexandria", "2015"),
        ("Strathfield", "2135"), ("Granville", "2142"), ("Mount Druitt", "2770"),
    ),
    "VIC": (
        ("Melbourne", "3000"), ("Dandenong", "3175"), ("Footscray", "3011"),
        ("Sunshine", "3020"), ("Broadmeadows", "3047"), ("Preston", "3072"),
        ("Frankston", "3199"), ("Geelong", "3220"), ("Ballarat", "3350"),
        ("Bendigo", "3550"), ("Shepparton", "3630"), ("Werribee", "3030"),
        ("Clayton", "3168"), ("Box Hill", "3128"), ("Springvale", "3171"),
        ("Tullamarine", "3043"), ("Laverton North", "3026"), ("Campbellfield", "3061"),
        ("Traralgon", "3844"), ("Richmond", "3121"), ("Coburg", "3058"), ("Epping", "3076"),
    ),
    "QLD": (
        ("Brisbane City", "4000"), ("Fortitude Valley", "4006"), ("Ipswich", "4305"),
        ("Logan Central", "4114"), ("Toowoomba", "4350"), ("Townsville", "4810"),
        ("Cairns", "4870"), ("Rockhampton", "4700"), ("Mackay", "4740"),
        ("Southport", "4215"), ("Maroochydore", "4558"), ("Bundaberg", "4670"),
        ("Eagle Farm", "4009"), ("Acacia Ridge", "4110"), ("Springwood", "4127"),
        ("Caboolture", "4510"), ("Redcliffe", "4020"), ("Gladstone", "4680"),
        ("Mount Isa", "4825"), ("Woolloongabba", "4102"),
    ),
    "SA": (
        ("Adelaide", "5000"), ("Salisbury", "5108"), ("Elizabeth", "5112"),
        ("Port Adelaide", "5015"), ("Mawson Lakes", "5095"), ("Wingfield", "5013"),
        ("Marion", "5043"), ("Mount Barker", "5251"), ("Whyalla", "5600"),
        ("Port Augusta", "5700"), ("Mount Gambier", "5290"), ("Murray Bridge", "5253"),
        ("Modbury", "5092"), ("Norwood", "5067"), ("Lonsdale", "5160"),
    ),
    "WA": (
        ("Perth", "6000"), ("Fremantle", "6160"), ("Joondalup", "6027"),
        ("Midland", "6056"), ("Malaga", "6090"), ("Welshpool", "6106"),
        ("Rockingham", "6168"), ("Mandurah", "6210"), ("Bunbury", "6230"),
        ("Kalgoorlie", "6430"), ("Geraldton", "6530"), ("Karratha", "6714"),
        ("Port Hedland", "6721"), ("Osborne Park", "6017"), ("Canning Vale", "6155"),
        ("Armadale", "6112"), ("Kewdale", "6105"),
    ),
    "TAS": (
        ("Hobart", "7000"), ("Glenorchy", "7010"), ("Launceston", "7250"),
        ("Devonport", "7310"), ("Burnie", "7320"), ("Kingston", "7050"),
        ("Moonah", "7009"), ("Rosny Park", "7018"), ("Ulverstone", "7315"),
        ("Bridgewater", "7030"),
    ),
    "NT": (
        ("Darwin", "0800"), ("Casuarina", "0810"), ("Palmerston", "0830"),
        ("Winnellie", "0820"), ("Berrimah", "0828"), ("Alice Springs", "0870"),
        ("Katherine", "0850"), ("Tennant Creek", "0860"), ("Nhulunbuy", "0880"),
        ("Humpty Doo", "0836"),
    ),
    "ACT": (
        ("Canberra", "2601"), ("Belconnen", "2617"), ("Woden", "2606"),
        ("Phillip", "2606"), ("Greenway", "2900"), ("Gungahlin", "2912"),
        ("Fyshwick", "2609"), ("Mitchell", "2911"), ("Barton", "2600"), ("Braddon", "2612"),
    ),
}
CAPITALS = {"NSW": ("Sydney", "2000"), "VIC": ("Melbourne", "3000"),
            "QLD": ("Brisbane", "4000"), "SA": ("Adelaide", "5000"), "WA": ("Perth", "6000"),
            "TAS": ("Hobart", "7000"), "NT": ("Darwin", "0800"), "ACT": ("Canberra", "2601")}
AREA_CODES = {"NSW": "02", "ACT": "02", "VIC": "03", "TAS": "03", "QLD": "07",
              "SA": "08", "WA": "08", "NT": "08"}
_LOCAL_FIRST = {"NSW": ("9", "9", "8", "4", "6"), "ACT": ("62", "61"), "VIC": ("9", "8", "5"),
                "TAS": ("62", "63", "64"), "QLD": ("3", "3", "4", "5", "7"), "SA": ("8",),
                "WA": ("9", "6"), "NT": ("89",)}

STREETS = (
    "George", "King", "Queen", "Church", "High", "Station", "Victoria", "Albert", "Smith",
    "Main", "Railway", "Elizabeth", "William", "Park", "Macquarie", "Bridge", "Mill",
    "Hunter", "Wattle", "Banksia", "Bottlebrush", "Acacia", "Jacaranda", "Warrego",
    "Kurrajong", "Ironbark", "Foundry", "Industrial", "Factory", "Commercial", "Enterprise",
    "Regent", "Marion", "Fitzroy", "Hume", "Pacific", "Prince", "Gipps", "Bourke", "Flinders",
    "Darling", "Murray", "Lachlan", "Waratah", "Boronia", "Coolabah", "Myall", "Lilly Pilly",
)
STREET_TYPES = ("St", "St", "St", "Rd", "Rd", "Ave", "Cres", "Dr", "Pl", "Ct", "Pde", "Hwy",
                "Way", "Cl", "Tce", "Lane")

# --------------------------------------------------------------------------- names

# background: (male first names, female first names, surnames)
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "anglo": (
        ("Jack", "James", "Liam", "Michael", "Daniel", "Matthew", "Shane", "Brett", "Craig",
         "Darren", "Scott", "Nathan", "Luke", "Ben", "Josh", "Mark", "Peter", "Glenn", "Wayne",
         "Troy", "Cameron", "Hamish", "Angus", "Riley", "Kyle"),
        ("Olivia", "Charlotte", "Emily", "Sarah", "Jessica", "Rebecca", "Kylie", "Leanne",
         "Michelle", "Tanya", "Melissa", "Kate", "Amanda", "Nicole", "Bronwyn", "Jodie", "Claire",
         "Hayley", "Tahlia", "Courtney", "Megan", "Sharon", "Deborah", "Lisa"),
        ("Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Johnson", "White", "Martin",
         "Anderson", "Thompson", "Walker", "Harris", "Ryan", "Kelly", "O'Connor", "Murphy",
         "McDonald", "Campbell", "Stewart", "Mitchell", "Hughes", "Edwards", "Clarke", "Baker",
         "O'Brien", "Fitzgerald", "McKenzie", "Sullivan", "Gallagher", "Doyle", "Hart",
         "Bennett", "Whitfield", "Ashworth", "Pearce", "Lawson", "Smith-Jones", "McAllister"),
    ),
    "greek": (
        ("Georgios", "George", "Nikos", "Dimitrios", "Kostas", "Christos", "Yiannis", "Peter",
         "Con", "Steve", "Theo", "Angelo"),
        ("Eleni", "Maria", "Despina", "Sofia", "Vasiliki", "Katerina", "Georgia", "Voula",
         "Anastasia", "Irene"),
        ("Papadopoulos", "Georgiou", "Nikolaidis", "Konstantinou", "Dimitriou", "Kyriakou",
         "Pappas", "Vlahos", "Karagiannis", "Andreou", "Christodoulou", "Economou", "Lekkas"),
    ),
    "italian": (
        ("Giuseppe", "Antonio", "Marco", "Salvatore", "Luca", "Vincenzo", "Frank", "Tony",
         "Domenic", "Sam", "Rocco", "Carmelo"),
        ("Francesca", "Lucia", "Rosa", "Giulia", "Maria", "Carmela", "Angela", "Teresa",
         "Gabriella", "Pina"),
        ("Rossi", "Bianchi", "Romano", "Esposito", "Ricci", "Marino", "Greco", "Bruno", "Gallo",
         "Conti", "De Luca", "Costa", "Mancini", "Lombardo", "Di Stefano", "Caruso", "Russo",
         "Santoro", "D'Angelo"),
    ),
    "vietnamese": (
        ("Minh", "Thanh", "Duc", "Tuan", "Quang", "Hung", "Long", "Khoa", "Phuc", "Bao"),
        ("Hoa", "Lan", "Huong", "Linh", "Mai", "Thu", "Ngoc", "Trang", "Phuong", "Hanh"),
        ("Nguyen", "Tran", "Le", "Pham", "Huynh", "Vo", "Dang", "Bui", "Do", "Ho", "Ngo",
         "Duong", "Truong"),
    ),
    "chinese": (
        ("Wei", "Hao", "Jun", "Xiaoming", "Kevin", "Jason", "Zhiwei", "Yong", "Eric", "Ming"),
        ("Jing", "Mei", "Yan", "Xiu", "Jenny", "Li Na", "Fang", "Grace", "Ying", "Shu"),
        ("Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Lin", "Wu", "Zhou", "Xu", "Wong",
         "Chan", "Lam", "Cheung", "Yang", "Zhao", "Tan"),
    ),
    "indian": (
        ("Rajesh", "Sanjay", "Deepak", "Arjun", "Harpreet", "Gurpreet", "Vikram", "Amit",
         "Rahul", "Manjit", "Suresh", "Karan"),
        ("Priya", "Anjali", "Sunita", "Kavya", "Harjeet", "Deepa", "Neha", "Pooja", "Lakshmi",
         "Simran", "Divya"),
        ("Patel", "Sharma", "Singh", "Kaur", "Gupta", "Reddy", "Iyer", "Nair", "Kumar", "Menon",
         "Pillai", "Rao", "Sandhu", "Gill", "Desai", "D'Souza", "Fernandes"),
    ),
    "lebanese": (
        ("Ahmad", "Mohamad", "Jihad", "Bilal", "Charbel", "Georges", "Elias", "Khaled", "Omar",
         "Tony", "Rami", "Fadi"),
        ("Fatima", "Rania", "Layla", "Nadia", "Mariam", "Zeinab", "Rita", "Carla", "Hiba",
         "Joumana"),
        ("Haddad", "Khoury", "Nasser", "Saleh", "Habib", "Fakhoury", "Karam", "Abboud",
         "Hamade", "Issa", "Tannous", "El-Masri", "Chahine", "Rahme", "Zreika"),
    ),
    "pacific": (
        ("Sione", "Tevita", "Viliami", "Losa", "Mose", "Ioane", "Tama", "Filipo", "Semisi",
         "Pita"),
        ("Mele", "Ana", "Salote", "Lupe", "Sina", "Malia", "Fetu", "Losana", "Ofa", "Tiare"),
        ("Tuilagi", "Fifita", "Taufa", "Leota", "Faleolo", "Vaifale", "Tupou", "Naufahu",
         "Sopoaga", "Mataele", "Fonua", "Latu", "Havili", "Ioane", "Aumua"),
    ),
    "aboriginal": (
        ("Jarrah", "Kirra", "Lachlan", "Tyson", "Jayden", "Shaun", "Darcy", "Dylan", "Corey",
         "Travis"),
        ("Kirra", "Alinta", "Jedda", "Tahnee", "Leah", "Shanice", "Tayla", "Mia", "Jasmine",
         "Kiarra"),
        ("Mundine", "Yunupingu", "Marika", "Gurruwiwi", "Wunungmurra", "Djerrkura", "Walley",
         "Tipoti", "Mosby", "Wanganeen", "Kickett", "Ugle", "Bropho", "Coe", "Tjapaltjarri",
         "Nona", "Bani"),
    ),
    "other": (
        ("Juan", "Mark Anthony", "Min-jun", "Ji-ho", "Chukwuemeka", "Kwame", "Abdi", "Deng",
         "Tomasz", "Luka", "Stefan", "Mehmet", "Ali", "Reza", "Sipho"),
        ("Maria Clara", "Rowena", "Seo-yeon", "Ji-woo", "Ngozi", "Amina", "Hodan", "Agnieszka",
         "Ivana", "Elif", "Zahra", "Leila", "Thandiwe"),
        ("Santos", "Reyes", "Dela Cruz", "Bautista", "Kim", "Park", "Choi", "Okafor", "Mensah",
         "Abdi", "Mohamed", "Garang", "Kowalski", "Nowak", "Horvat", "Petrovic", "Jovanovic",
         "Yilmaz", "Hosseini", "Van der Berg", "De Silva", "Dlamini"),
    ),
}
_BACKGROUNDS = tuple(NAMES)
_BACKGROUND_WEIGHTS = (40, 6, 7, 8, 9, 9, 6, 4, 4, 7)

PERSONAL_DOMAINS = ("gmail.com", "outlook.com", "hotmail.com", "bigpond.com", "yahoo.com.au",
                    "icloud.com", "optusnet.com.au", "live.com.au", "iinet.net.au")

ORG_WORDS = (
    "Harbour", "Summit", "Coastal", "Southern Cross", "Bluegum", "Ironbark", "Banksia",
    "Wattle", "Horizon", "Pinnacle", "Meridian", "Keystone", "Redgum", "Northside", "Riverside",
    "Bayside", "Sandstone", "Eastgate", "Kookaburra", "Greenline", "Silverwater", "Red Rock",
    "Tablelands", "Outback", "Lighthouse", "Anchor", "Compass", "Granite", "Magpie",
    "Golden Wattle", "Saltbush", "Coral Coast", "Highland", "Clearwater", "Stringybark",
)


@dataclass(frozen=True)
class Industry:
    name: str
    occupations: tuple[tuple[str, float, float], ...]  # title, hourly rate low, high
    employer_kinds: tuple[str, ...]
    loads: tuple[str, ...]
    areas: tuple[str, ...]
    vehicles: tuple[str, ...]
    contact_roles: tuple[str, ...]
    people: tuple[str, ...] = ("customer", "member of the public")


INDUSTRIES: tuple[Industry, ...] = (
    Industry("logistics",
             (("Storeperson", 27, 34), ("Forklift driver", 29, 36), ("Truck driver", 31, 42),
              ("Warehouse team leader", 33, 40), ("Pick packer", 26, 31)),
             ("Logistics Pty Ltd", "Freight Pty Ltd", "Distribution Centre Pty Ltd",
              "Transport Group Pty Ltd", "Cold Storage Pty Ltd"),
             ("25 kg carton", "box of stock", "roll cage", "pallet of drinks", "bag of rice"),
             ("Loading dock", "Dispatch area", "Aisle 14", "Cold room", "Receiving bay"),
             ("forklift", "pallet jack", "prime mover"),
             ("Warehouse manager", "Shift supervisor", "RTW coordinator", "HR advisor")),
    Industry("construction",
             (("Carpenter", 36, 48), ("Labourer", 30, 38), ("Electrician", 40, 55),
              ("Plumber", 38, 52), ("Scaffolder", 36, 46), ("Concreter", 34, 44)),
             ("Constructions Pty Ltd", "Building Group Pty Ltd", "Civil Pty Ltd",
              "Electrical Services Pty Ltd", "Plumbing Pty Ltd"),
             ("sheet of plasterboard", "bag of cement", "length of steel", "scaffold plank",
              "box of tiles"),
             ("Level 3 of the building site", "Site compound", "Basement car park",
              "Roof of the townhouse", "Trench on site"),
             ("site ute", "excavator", "tipper truck"),
             ("Site manager", "Project manager", "WHS coordinator", "Office manager")),
    Industry("health",
             (("Registered nurse", 38, 52), ("Aged care worker", 29, 35),
              ("Disability support worker", 30, 37), ("Personal care assistant", 28, 34),
              ("Enrolled nurse", 33, 40), ("Wardsperson", 28, 33)),
             ("Aged Care Ltd", "Health Services Ltd", "Private Hospital Pty Ltd",
              "Community Care Inc", "Disability Services Ltd"),
             ("box of supplies", "bag of soiled linen", "carton of continence aids",
              "oxygen cylinder", "linen trolley"),
             ("Ward 4B", "Resident's room", "Dementia unit", "Client's home",
              "Emergency department"),
             ("hospital bed", "wheelchair", "mobile hoist"),
             ("Nurse unit manager", "Facility manager", "RTW coordinator", "Care manager"),
             ("resident", "patient", "client", "patient's relative")),
    Industry("hospitality",
             (("Chef", 30, 38), ("Kitchen hand", 25, 30), ("Barista", 25, 30),
              ("Bar attendant", 26, 32), ("Housekeeper", 26, 31)),
             ("Hospitality Group Pty Ltd", "Hotels Pty Ltd", "Catering Pty Ltd",
              "Restaurant Pty Ltd", "Leagues Club Ltd"),
             ("stock pot", "keg", "crate of glasses", "box of produce", "tray of plates"),
             ("Commercial kitchen", "Cool room", "Bar", "Cellar", "Guest room corridor"),
             ("delivery van", "trolley", "dishwasher"),
             ("Venue manager", "Head chef", "HR manager", "Operations manager")),
    Industry("retail",
             (("Retail assistant", 26, 31), ("Shelf stacker", 25, 30),
              ("Checkout operator", 25, 30),
              ("Store manager", 33, 42), ("Butcher", 30, 37)),
             ("Supermarkets Pty Ltd", "Retail Pty Ltd", "Hardware Pty Ltd", "Stores Pty Ltd",
              "Fresh Foods Pty Ltd"),
             ("carton of tins", "bag of potting mix", "case of milk", "box of stock",
              "pallet of water"),
             ("Shop floor", "Stockroom", "Checkout 4", "Dairy aisle", "Car park"),
             ("trolley", "pallet jack", "delivery van"),
             ("Store manager", "Area manager", "Safety and wellbeing partner", "HR advisor")),
    Industry("manufacturing",
             (("Process worker", 27, 33), ("Machine operator", 29, 36), ("Welder", 34, 42),
              ("Boilermaker", 35, 44), ("Meat worker", 28, 34), ("Fitter and turner", 38, 48)),
             ("Manufacturing Pty Ltd", "Engineering Pty Ltd", "Foods Pty Ltd",
              "Meats Pty Ltd", "Plastics Pty Ltd", "Steel Fabrication Pty Ltd"),
             ("steel bracket", "20 kg tub of product", "die", "carcass", "roll of film"),
             ("Production line 2", "Boning room", "Fabrication shop", "Packing area", "Press shop"),
             ("forklift", "overhead crane", "conveyor"),
             ("Production manager", "Leading hand", "WHS officer", "HR manager")),
    Industry("education",
             (("Teacher", 42, 55), ("Teacher's aide", 30, 36), ("School cleaner", 26, 31),
              ("Early childhood educator", 28, 35)),
             ("Grammar School Ltd", "Christian College Ltd", "Early Learning Pty Ltd",
              "Childcare Centre Pty Ltd"),
             ("box of books", "stack of chairs", "gym mat", "tub of art supplies"),
             ("Classroom 12", "Playground", "Staff room", "Gymnasium", "Toddler room"),
             ("school bus", "trolley"),
             ("Principal", "Business manager", "Centre director", "HR officer"),
             ("parent", "student")),
    Industry("cleaning",
             (("Cleaner", 26, 31), ("Commercial cleaner", 27, 32), ("Window cleaner", 29, 35)),
             ("Cleaning Services Pty Ltd", "Facility Services Pty Ltd",
              "Property Services Pty Ltd"),
             ("bin of rubbish", "floor polisher", "mop bucket", "bag of linen"),
             ("Office tower foyer", "Shopping centre amenities", "Stairwell", "Car park"),
             ("floor scrubber", "trolley"),
             ("Area supervisor", "Operations manager", "HR coordinator")),
    Industry("transport",
             (("Bus driver", 32, 38), ("Delivery driver", 28, 35), ("Courier", 27, 33),
              ("Taxi and rideshare driver", 26, 32)),
             ("Buslines Pty Ltd", "Couriers Pty Ltd", "Express Pty Ltd", "Coaches Pty Ltd"),
             ("parcel", "wheelchair ramp", "crate", "box of parcels"),
             ("Depot", "Bus interchange", "Customer's driveway", "Route 612"),
             ("bus", "delivery van", "truck"),
             ("Depot manager", "Operations supervisor", "Injury management advisor"),
             ("passenger", "member of the public")),
)

PUBLIC_SERVICE = Industry(
    "public_service",
    (("Client service officer", 36, 42), ("Administration officer", 34, 40),
     ("Border force officer", 40, 48), ("Policy officer", 44, 55), ("Call centre operator", 33, 38),
     ("Records officer", 33, 39)),
    ("Department of Regional Services", "Commonwealth Payments Agency",
     "Australian Border Operations", "National Records Authority",
     "Department of Veterans' Support", "Australian Statistics Office",
     "Commonwealth Grants Agency"),
    ("archive box", "box of files", "monitor", "printer paper carton"),
    ("Service centre", "Open-plan office, Level 4", "Mail room", "Airport terminal", "Call centre"),
    ("fleet car", "trolley"),
    ("Team leader", "Director", "Rehabilitation case manager", "EL1 manager"),
    ("client", "member of the public", "traveller"),
)

# --------------------------------------------------------------------------- injuries


@dataclass(frozen=True)
class InjuryPattern:
    region: str  # key into RESTRICTIONS / specialist choice
    body_parts: tuple[str, ...]  # may contain {side}
    nature: str
    diagnoses: tuple[str, ...]  # may contain {side}/{Side}
    mechanisms: tuple[str, ...]  # {load} {area} {vehicle} {side}
    severity: str  # minor | moderate | severe | psych
    weight: int = 10


_LIFT = (
    "Lifting a {load} from a low pallet, felt a sudden sharp pain in the lower back.",
    "While bending and twisting to move a {load}, developed immediate lower back pain.",
    "Pulling a heavily loaded {vehicle} in the {area}, felt something 'go' in the back.",
    "Reached into a deep bin to retrieve a {load} and felt a sharp pain across the lower back.",
    "health:Transferring a {people} from bed to chair, felt a sharp pain in the lower back.",
    "health:Assisting a {people} who was falling, twisted and felt immediate lower back pain.",
)
_SHOULDER = (
    "Reaching overhead to place a {load} on a high shelf, felt a tearing pain in the {side} "
    "shoulder.",
    "Pulling a {vehicle} that had jammed, felt a sudden pain in the {side} shoulder.",
    "Repetitive overhead work over several weeks in the {area} caused increasing {side} "
    "shoulder pain.",
    "Caught a falling {load} with the {side} arm and jarred the shoulder.",
    "health:Repositioning a {people} in bed, felt a sudden pain in the {side} shoulder.",
)
_KNEE = (
    "Slipped on a wet floor in the {area} and twisted the {side} knee.",
    "Stepped down from the {vehicle}, landed awkwardly and twisted the {side} knee.",
    "Knelt on uneven ground in the {area} and felt a click and pain in the {side} knee.",
)
_HAND = (
    "The {side} hand was caught between a {load} and the racking in the {area}.",
    "Cut the {side} hand with a box cutter while opening a {load}.",
    "Fell onto an outstretched {side} hand after tripping in the {area}.",
    "The {side} hand was crushed when a {load} fell from the {vehicle}.",
)
_NECK = (
    "The {vehicle} the worker was driving was rear-ended at traffic lights, causing neck pain.",
    "Looking up for long periods while working overhead in the {area}, developed neck pain "
    "and stiffness.",
    "Struck on the back of the head and neck by a falling {load} in the {area}.",
)
_ANKLE = (
    "Rolled the {side} ankle stepping off the {vehicle} in the {area}.",
    "Missed a step on the stairs near the {area} and inverted the {side} ankle.",
    "Tripped on a pallet in the {area} and fell, injuring the {side} ankle.",
)
_HERNIA = (
    "Lifting a {load} in the {area}, felt a pulling pain and noticed a lump in the {side} groin.",
    "While pushing a heavily loaded {vehicle}, felt a sharp pain in the {side} groin.",
)
_FOOT = (
    "The wheel of a loaded {vehicle} ran over the {side} foot in the {area}.",
    "A {load} fell onto the {side} foot in the {area}.",
)
_BURN = (
    "Hot oil splashed onto the {side} forearm while working in the {area}.",
    "Grabbed a hot handle of a {load} in the {area}, burning the {side} hand and forearm.",
)
_EYE = (
    "A fragment of metal entered the {side} eye while grinding in the {area}.",
    "Dust blew into the {side} eye while sweeping in the {area}.",
)

PHYSICAL: tuple[InjuryPattern, ...] = (
    InjuryPattern("back", ("lower back",), "sprain/strain",
                  ("Lumbar sprain/strain", "Acute lumbar strain", "Mechanical low back pain",
                   "Lumbosacral strain"), _LIFT, "moderate", 22),
    InjuryPattern("back", ("lower back",), "disc injury",
                  ("L4/5 disc protrusion with left L5 radiculopathy",
                   "L5/S1 disc herniation with right S1 radiculopathy", "L4/5 disc bulge"),
                  _LIFT, "severe", 8),
    InjuryPattern("shoulder", ("{side} shoulder",), "sprain/strain",
                  ("{Side} rotator cuff strain", "{Side} shoulder impingement with bursitis",
                   "Subacromial bursitis, {side} shoulder"), _SHOULDER, "moderate", 10),
    InjuryPattern("shoulder", ("{side} shoulder",), "tear",
                  ("Full thickness supraspinatus tear, {side} shoulder",
                   "{Side} rotator cuff tear", "SLAP tear, {side} shoulder"),
                  _SHOULDER, "severe", 6),
    InjuryPattern("knee", ("{side} knee",), "sprain/strain",
                  ("{Side} knee MCL sprain", "Contusion and sprain, {side} knee",
                   "{Side} patellofemoral strain"), _KNEE, "moderate", 7),
    InjuryPattern("knee", ("{side} knee",), "meniscal tear",
                  ("Medial meniscus tear, {side} knee", "Lateral meniscus tear, {side} knee",
                   "{Side} ACL rupture"), _KNEE, "severe", 5),
    InjuryPattern("hand", ("{side} hand", "{side} index finger", "{side} thumb"), "laceration",
                  ("Laceration to {side} index finger", "Laceration {side} palm, sutured",
                   "Deep laceration {side} thumb with tendon involvement"), _HAND, "minor", 6),
    InjuryPattern("hand", ("{side} hand", "{side} fingers"), "crush injury",
                  ("Crush injury to {side} hand", "Crush injury {side} middle finger with "
                   "tuft fracture"), _HAND, "moderate", 5),
    InjuryPattern("wrist", ("{side} wrist",), "fracture",
                  ("Fracture of the {side} distal radius", "{Side} scaphoid fracture",
                   "Undisplaced fracture {side} distal radius"), _HAND, "severe", 4),
    InjuryPattern("wrist", ("{side} wrist",), "sprain/strain",
                  ("{Side} wrist sprain", "De Quervain's tenosynovitis, {side} wrist",
                   "{Side} carpal tunnel syndrome"), _HAND, "moderate", 4),
    InjuryPattern("neck", ("neck",), "sprain/strain",
                  ("Cervical strain", "Whiplash-associated disorder grade II",
                   "Cervical sprain with right-sided radicular symptoms"), _NECK, "moderate", 6),
    InjuryPattern("ankle", ("{side} ankle",), "sprain/strain",
                  ("Lateral ligament sprain, {side} ankle",
                   "Grade II inversion sprain {side} ankle"),
                  _ANKLE, "minor", 6),
    InjuryPattern("ankle", ("{side} ankle",), "fracture",
                  ("Undisplaced fracture of the {side} lateral malleolus",
                   "{Side} ankle bimalleolar fracture, ORIF"), _ANKLE, "severe", 3),
    InjuryPattern("hernia", ("{side} groin", "abdomen"), "hernia",
                  ("{Side} inguinal hernia", "Umbilical hernia"), _HERNIA, "moderate", 4),
    InjuryPattern("foot", ("{side} foot",), "crush injury",
                  ("Crush injury {side} foot with fractured 2nd metatarsal",
                   "Contusion {side} foot"), _FOOT, "moderate", 3),
    InjuryPattern("burn", ("{side} forearm", "{side} hand"), "burn",
                  ("Partial thickness burn to {side} forearm", "Superficial burns {side} hand"),
                  _BURN, "minor", 2),
    InjuryPattern("eye", ("{side} eye",), "foreign body",
                  ("Corneal abrasion {side} eye, foreign body removed",), _EYE, "minor", 2),
)

PSYCH: tuple[InjuryPattern, ...] = (
    InjuryPattern("psych", ("psychological",), "adjustment disorder",
                  ("Adjustment disorder with mixed anxiety and depressed mood",
                   "Adjustment disorder with anxiety"),
                  ("Developed anxiety and low mood following an extended period of excessive "
                   "workload and a restructure of the team.",
                   "Became distressed and unable to sleep after a performance management process "
                   "that the worker felt was unfair.",
                   "Reported stress and anxiety after being told the position would be "
                   "relocated to another site."), "psych", 8),
    InjuryPattern("psych", ("psychological",), "post-traumatic stress disorder",
                  ("Post-traumatic stress disorder", "Acute stress reaction progressing to PTSD",
                   "Chronic PTSD"),
                  ("Was held up at knifepoint during an armed robbery at the {area}.",
                   "Was punched and threatened by an aggressive {people} in the {area}.",
                   "Witnessed a co-worker being seriously injured in an incident in the {area}.",
                   "Was the first responder to a workplace fatality in the {area}."), "psych", 6),
    InjuryPattern("psych", ("psychological",), "anxiety/depression",
                  ("Major depressive disorder", "Generalised anxiety disorder",
                   "Mixed anxiety and depressive disorder"),
                  ("Alleges ongoing bullying and belittling comments from a supervisor over "
                   "several months.",
                   "Reports harassment and exclusion by co-workers in the {area} since raising a "
                   "complaint.",
                   "Alleges repeated yelling and humiliation in front of colleagues by the "
                   "manager."), "psych", 6),
)

RESTRICTIONS: dict[str, tuple[str, ...]] = {
    "back": ("No lifting > {kg} kg", "No repetitive bending or twisting",
             "Change posture every 30 minutes", "No prolonged sitting > 30 minutes",
             "No driving of forklifts", "No pushing or pulling of loaded trolleys"),
    "shoulder": ("No overhead work with the {side} arm", "No lifting > {kg} kg with the {side} arm",
                 "No pushing/pulling", "No repetitive reaching", "Keyboard work only"),
    "knee": ("No squatting or kneeling", "No ladders", "Seated duties preferred",
             "Limit walking to 15 minutes per hour", "No climbing stairs"),
    "hand": ("No use of the {side} hand", "Keep wound clean and dry", "One-handed duties only",
             "No gripping or fine manipulation", "Wear splint at all times"),
    "wrist": ("No use of the {side} hand", "Wear splint at all times", "No lifting > {kg} kg",
              "No repetitive wrist movement", "Keyboard work with breaks"),
    "neck": ("No driving", "Avoid sustained neck flexion", "Regular breaks from computer work",
             "No overhead work", "No lifting > {kg} kg"),
    "ankle": ("Seated duties only", "No walking on uneven ground", "Wear moon boot",
              "No ladders", "Limit standing to 20 minutes per hour"),
    "hernia": ("No lifting > {kg} kg", "No heavy pushing/pulling", "Avoid straining"),
    "foot": ("Seated duties only", "Wear moon boot", "No prolonged standing",
             "Steel cap boots may not be tolerated"),
    "burn": ("Keep dressing clean and dry", "No exposure to heat or steam",
             "No wet work with the {side} hand"),
    "eye": ("No use of machinery", "Avoid dusty environments", "No driving for 48 hours"),
    "psych": ("Reduced hours", "No contact with the alleged perpetrator",
              "No customer-facing duties", "Work at an alternative location",
              "No night shifts", "Graduated return with regular breaks",
              "Supervision by an alternative manager"),
}

SPECIALISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "back": (("Spinal surgeon", "MBBS FRACS (Ortho)"), ("Neurosurgeon", "MBBS FRACS"),
             ("Pain medicine specialist", "MBBS FANZCA FFPMANZCA")),
    "shoulder": (("Orthopaedic surgeon (shoulder and elbow)", "MBBS FRACS FAOrthA"),
                 ("Orthopaedic surgeon", "BMedSc MBBS FRACS (Orth)")),
    "knee": (("Orthopaedic surgeon", "MBBS FRACS FAOrthA"),
             ("Sports physician", "MBBS FACSEP")),
    "hand": (("Hand surgeon", "MBBS FRACS (Plast)"), ("Plastic surgeon", "MBChB FRACS")),
    "wrist": (("Hand and wrist surgeon", "MBBS FRACS (Orth)"),
              ("Orthopaedic surgeon", "MBBS FRACS")),
    "neck": (("Spinal surgeon", "MBBS FRACS"), ("Rehabilitation physician", "MBBS FAFRM")),
    "ankle": (("Orthopaedic surgeon (foot and ankle)", "MBBS FRACS FAOrthA"),),
    "hernia": (("General surgeon", "MBBS FRACS"),),
    "foot": (("Orthopaedic surgeon (foot and ankle)", "MBBS FRACS"),
             ("Podiatric surgeon", "BPod FACPS")),
    "burn": (("Plastic surgeon", "MBBS FRACS (Plast)"),),
    "eye": (("Ophthalmologist", "MBBS FRANZCO"),),
    "psych": (("Psychiatrist", "MBBS FRANZCP"), ("Consultant psychiatrist", "MBChB FRANZCP")),
}
IME_SPECIALTIES: dict[str, tuple[tuple[str, str], ...]] = {
    "psych": (("Consultant psychiatrist", "MBBS FRANZCP"),
              ("Psychiatrist", "MBBS (Hons) MPM FRANZCP")),
    "_physical": (("Consultant orthopaedic surgeon", "MBBS FRACS"),
                  ("Occupational physician", "MBBS FAFOEM"),
                  ("Orthopaedic surgeon", "MBBS FRACS FAOrthA"),
                  ("Rehabilitation physician", "MBBS FAFRM (RACP)")),
}
GP_QUALS = ("MBBS FRACGP", "MBBS (Hons) FRACGP", "BMed FRACGP", "MBChB FRACGP DCH",
            "MD FRACGP", "MBBS DRANZCOG FRACGP", "MBBS FACRRM", "BMBS FRACGP")

_PROVIDER_LOCATION = "0123456789ABCDEFGHJKLMNPQRTUVWXY"
_PROVIDER_CHECK = "YXWTLKJHFBA"

# Certificate length in days; total weeks by severity (low, high).
_SEVERITY_WEEKS = {"minor": (1, 5), "moderate": (4, 14), "severe": (10, 30), "psych": (12, 40)}


# --------------------------------------------------------------------------- helpers


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def make_abn(rng: random.Random) -> str:
    """A random 11-digit ABN with a valid check sum, spaced ``51 824 753 556``."""
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    while True:
        tail = [rng.randrange(10) for _ in range(9)]
        starts = list(range(10, 100))
        rng.shuffle(starts)
        for head in starts:
            digits = [head // 10, head % 10, *tail]
            check = [digits[0] - 1, *digits[1:]]
            if sum(w * d for w, d in zip(weights, check, strict=True)) % 89 == 0:
                s = "".join(map(str, digits))
                return f"{s[:2]} {s[2:5]} {s[5:8]} {s[8:]}"


def valid_abn(abn: str) -> bool:
    digits = [int(c) for c in abn if c.isdigit()]
    if len(digits) != 11:
        return False
    weights = (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
    digits[0] -= 1
    return sum(w * d for w, d in zip(weights, digits, strict=True)) % 89 == 0


def make_provider_number(rng: random.Random) -> str:
    """A Medicare-style provider number: 6-digit stem, location char, check char."""
    stem = [rng.randrange(10) for _ in range(6)]
    stem[0] = rng.randrange(2, 6)
    plv = rng.randrange(len(_PROVIDER_LOCATION))
    total = sum(d * w for d, w in zip(stem, (3, 5, 8, 4, 2, 1), strict=True)) + plv * 6
    return "".join(map(str, stem)) + _PROVIDER_LOCATION[plv] + _PROVIDER_CHECK[total % 11]


def landline(rng: random.Random, state: str, spaced_area: bool | None = None) -> str:
    area = AREA_CODES[state]
    head = rng.choice(_LOCAL_FIRST[state])
    local = head + _digits(rng, 8 - len(head))
    body = f"{local[:4]} {local[4:]}"
    if spaced_area is None:
        spaced_area = rng.random() < 0.7
    return f"{area} {body}" if spaced_area else f"({area}) {body}"


def mobile(rng: random.Random) -> str:
    return f"04{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)}"


def hotline(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.35:
        return f"13 {_digits(rng, 2)} {_digits(rng, 2)}"
    if kind < 0.7:
        return f"1300 {_digits(rng, 3)} {_digits(rng, 3)}"
    return f"1800 {_digits(rng, 3)} {_digits(rng, 3)}"


def suburb(rng: random.Random, state: str) -> tuple[str, str]:
    return rng.choice(SUBURBS[state])


def street_address(rng: random.Random, state: str, *, kind: str = "home",
                   place: tuple[str, str] | None = None) -> str:
    name, postcode = place or suburb(rng, state)
    street = f"{rng.choice(STREETS)} {rng.choice(STREET_TYPES)}"
    number = rng.randint(1, 240)
    if kind == "home":
        prefix = f"{rng.randint(1, 30)}/" if rng.random() < 0.25 else ""
        line = f"{prefix}{number} {street}"
    elif kind == "industrial":
        line = rng.choice((f"{number} {street}", f"Factory {rng.randint(1, 12)}, {number} {street}",
                           f"Unit {rng.randint(1, 20)}, {number} {street}"))
    else:  # office
        line = rng.choice((f"Level {rng.randint(1, 30)}, {number} {street}",
                           f"Suite {rng.randint(1, 40)}, {number} {street}",
                           f"{number} {street}",
                           f"Shop {rng.randint(1, 12)}, {number} {street}"))
    return f"{line}, {name} {state} {postcode}"


def po_box(rng: random.Random, state: str) -> str:
    city, postcode = CAPITALS[state]
    box = rng.choice(("GPO Box", "Locked Bag", "PO Box", "Reply Paid"))
    return f"{box} {rng.randint(100, 9999)}, {city} {state} {postcode[:-1]}1"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def domain_for(name: str, rng: random.Random, gov: bool = False) -> str:
    stop = {"pty", "ltd", "inc", "the", "of", "and", "group", "services", "limited", "co"}
    words = [w for w in re.split(r"[^A-Za-z0-9]+", name) if w and w.lower() not in stop]
    if gov:
        base = "".join(w[0] for w in words).lower() if len(words) > 2 else _slug("".join(words))
        return f"{base}.gov.au"
    base = _slug("".join(words[:2])) or _slug(name)
    return f"{base}.{rng.choice(('com.au', 'com.au', 'com.au', 'net.au', 'au', 'org.au'))}"


def work_email(person_first: str, person_last: str, domain: str, rng: random.Random) -> str:
    first, last = _slug(person_first), _slug(person_last)
    style = rng.randrange(4)
    local = (f"{first}.{last}", f"{first[0]}{last}", f"{first}{last[0]}", f"{first}_{last}")[style]
    return f"{local}@{domain}"


def personal_email(first: str, last: str, rng: random.Random, birth_year: int) -> str:
    f, la = _slug(first), _slug(last)
    local = rng.choice((f"{f}.{la}", f"{f}{la}{birth_year % 100:02d}",
                        f"{f[0]}{la}{rng.randint(1, 99)}",
                        f"{la}{f[:3]}", f"{f}_{la}{birth_year}"))
    return f"{local}@{rng.choice(PERSONAL_DOMAINS)}"


def random_name(rng: random.Random, gender: str | None = None,
                background: str | None = None) -> tuple[str, str, str]:
    """Return (title, first, last) drawn from a mix of backgrounds."""
    if background is None:
        background = rng.choices(_BACKGROUNDS, weights=_BACKGROUND_WEIGHTS)[0]
    if gender is None:
        gender = rng.choices(("m", "f", "x"), weights=(50, 49, 1))[0]
    surnames = NAMES[background][2]
    first_bg = background if rng.random() < 0.8 else "anglo"
    fm, ff, _ = NAMES[first_bg]
    pool = fm if gender == "m" else ff if gender == "f" else fm + ff
    first = rng.choice(pool)
    last = rng.choice(surnames)
    if gender == "m":
        title = "Mr"
    elif gender == "f":
        title = rng.choices(("Ms", "Mrs", "Miss"), weights=(6, 3, 1))[0]
    else:
        title = "Mx"
    return title, first, last


def _person(rng: random.Random, role: str, *, title: str | None = None, phone: str = "",
            domain: str = "", qualifications: str = "", provider: bool = False,
            gender: str | None = None) -> Person:
    t, first, last = random_name(rng, gender)
    email = work_email(first, last, domain, rng) if domain else ""
    return Person(title or t, first, last, role, phone, email, qualifications,
                  make_provider_number(rng) if provider else "")


def _org_name(rng: random.Random, suffixes: tuple[str, ...]) -> str:
    word = rng.choice(ORG_WORDS)
    if rng.random() < 0.25:
        word = rng.choice(NAMES["anglo"][2] + NAMES["italian"][2] + NAMES["greek"][2])
        word = f"{word} & Sons" if rng.random() < 0.3 else word
    return f"{word} {rng.choice(suffixes)}"


def _org(rng: random.Random, name: str, state: str, *, kind: str = "office",
         place: tuple[str, str] | None = None, abn: bool = True, gov: bool = False,
         phone: str | None = None) -> Org:
    return Org(
        name=name,
        address=street_address(rng, state, kind=kind, place=place),
        phone=phone if phone is not None else landline(rng, state),
        abn=make_abn(rng) if abn else "",
        email_domain=domain_for(name, rng, gov=gov),
    )


def _claim_number(rng: random.Random, prefix: str, pattern: str, day: dt.date) -> str:
    out = pattern.replace("{P}", prefix).replace("{yy}", f"{day.year % 100:02d}")
    out = out.replace("{mm}", f"{day.month:02d}")
    return re.sub(r"\{n(\d+)\}", lambda m: _digits(rng, int(m.group(1))), out)


def _fill(text: str, **values: str) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def _time(rng: random.Random) -> str:
    hour = rng.choice((6, 7, 7, 8, 9, 9, 10, 10, 11, 11, 12, 13, 14, 14, 15, 16, 17, 19, 21, 23))
    minute = rng.choice((0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55))
    suffix = "am" if hour < 12 else "pm"
    h12 = hour % 12 or 12
    return f"{h12}:{minute:02d} {suffix}"


# --------------------------------------------------------------------------- the story


def _certificates(rng: random.Random, injury_date: dt.date, severity: str, region: str,
                  side: str, gp: Person, others: tuple[Person, ...],
                  ordinary_hours: float) -> tuple[Certificate, ...]:
    lo, hi = _SEVERITY_WEEKS[severity]
    total_days = rng.randint(lo * 7, hi * 7)
    if severity == "minor":
        lengths_choice = (3, 5, 7, 7, 10, 14)
    elif severity == "psych":
        lengths_choice = (14, 14, 21, 28, 28)
    else:
        lengths_choice = (7, 7, 14, 14, 14, 21, 28)
    none_frac = {"minor": (0.0, 0.5), "moderate": (0.1, 0.5), "severe": (0.3, 0.6),
                 "psych": (0.3, 0.7)}[severity]
    none_days = int(total_days * rng.uniform(*none_frac))
    p_fit = {"minor": 0.85, "moderate": 0.7, "severe": 0.5, "psych": 0.4}[severity]
    ends_fit = rng.random() < p_fit
    day_hours = max(4, min(10, round(ordinary_hours / 5)))
    pool = RESTRICTIONS[region]

    certs: list[Certificate] = []
    start = injury_date
    issued = injury_date + rng.choice((0, 0, 0, 1, 1, 2)) * DAY
    elapsed = 0
    index = 0
    while True:
        length = rng.choice(lengths_choice) if index else rng.choice(lengths_choice[:4])
        end = start + (length - 1) * DAY
        issued = min(issued, end)
        last = elapsed + length >= total_days
        if last and ends_fit and index > 0:
            capacity, hours, days, restr = "pre_injury_duties", day_hours, 5, ()
        elif elapsed < none_days:
            capacity, hours, days, restr = "none", 0, 0, ()
        else:
            progress = min(1.0, (elapsed - none_days) / max(1, total_days - none_days))
            capacity = "suitable_duties"
            hours = round(3 + progress * (day_hours - 3) + rng.uniform(-1, 1))
            hours = max(2, min(day_hours, hours))
            days = max(2, min(5, round(2 + progress * 3 + rng.uniform(-0.6, 0.6))))
            count = max(1, min(len(pool), round(3 - progress * 2 + rng.uniform(-0.5, 1))))
            kg = rng.choice((2, 3, 5) if progress < 0.3 else (5, 8, 10) if progress < 0.7
                            else (10, 12, 15))
            restr = tuple(_fill(r, kg=str(kg), side=side) for r in rng.sample(pool, count))
        doctor = gp
        if index == 0 and rng.random() < 0.2:
            doctor = others[0]  # emergency department / another GP
        elif index > 0 and rng.random() < 0.07:
            doctor = rng.choice(others)
        certs.append(Certificate(issued, start, end, capacity, hours, days, restr, doctor,
                                 index == 0))
        elapsed += length
        index += 1
        if last:
            break
        # next certificate: usually from the day after, sometimes a review a few days early
        nxt = end + DAY
        if length > 7 and rng.random() < 0.1:
            nxt = end + DAY - rng.randint(1, 3) * DAY
        start = nxt
        issued = max(issued + DAY, start - rng.choice((0, 0, 0, 1, 2)) * DAY)
    return tuple(certs)


def _decisions(rng: random.Random, notification: dt.date, psych: bool, piawe: float,
               certs: tuple[Certificate, ...], scheme: str) -> tuple[Decision, ...]:
    out: list[Decision] = []
    first_date = notification + rng.randint(0, 7) * DAY
    if rng.random() < (0.25 if psych else 0.07):
        out.append(Decision(first_date, "reasonable_excuse", 0.0))
    else:
        out.append(Decision(first_date, "provisional", round(piawe * 0.95, 2)))
    if rng.random() < 0.9:
        second = max(first_date + 14 * DAY, notification + rng.randint(28, 84) * DAY)
        disputed = rng.random() < (0.45 if psych else 0.15)
        if disputed:
            out.append(Decision(second, "disputed", 0.0))
            if rng.random() < 0.2:
                out.append(Decision(second + rng.randint(60, 150) * DAY, "accepted",
                                    round(piawe * 0.8, 2)))
        else:
            out.append(Decision(second, "accepted", round(piawe * 0.95, 2)))
            span = (certs[-1].date_to - certs[0].date_from).days
            p_wc = 0.5 if scheme == "NSW" else 0.25
            if span > 13 * 7 and rng.random() < p_wc:
                wc_day = certs[0].date_from + rng.randint(14 * 7, max(14 * 7, span)) * DAY
                wc_day = max(wc_day, second + 21 * DAY)
                out.append(Decision(wc_day, "work_capacity",
                                    round(piawe * rng.uniform(0.3, 0.8), 2)))
    return tuple(out)


def _employer_and_worker(rng: random.Random, code: str, state: str, injury_date: dt.date
                         ) -> dict:
    if code == "COMCARE" and rng.random() < 0.7:
        industry = PUBLIC_SERVICE
        employer_name, gov = rng.choice(industry.employer_kinds), True
    else:
        industry = rng.choice(INDUSTRIES)
        employer_name, gov = _org_name(rng, industry.employer_kinds), False
    site = suburb(rng, state)
    kind = "office" if industry.name in ("public_service", "health") else "industrial"
    employer = _org(rng, employer_name, state, kind=kind, place=site, gov=gov)
    occupation, rate_lo, rate_hi = rng.choice(industry.occupations)
    hourly_rate = round(rng.uniform(rate_lo, rate_hi), 2)
    ordinary_hours = rng.choices((38.0, 38.0, 38.0, 40.0, 36.75, 30.0, 24.0, 20.0, 32.0),
                                 weights=(30, 10, 10, 8, 6, 6, 5, 3, 4))[0]
    extras = rng.choice((0.0, 0.0, 0.05, 0.1, 0.15, 0.22))
    title, first, last = random_name(rng)
    age = rng.randint(18, 66)
    dob = injury_date - (age * 365 + age // 4 + rng.randint(1, 360)) * DAY
    home = site if rng.random() < 0.3 else suburb(rng, state)
    contact_phone = landline(rng, state) if rng.random() < 0.6 else mobile(rng)
    return {
        "industry": industry,
        "site": site,
        "home": home,
        "employer": employer,
        "worker_occupation": occupation,
        "hourly_rate": hourly_rate,
        "ordinary_hours": ordinary_hours,
        "piawe": round(hourly_rate * ordinary_hours * (1 + extras), 2),
        "worker": Person(title, first, last, occupation, mobile(rng),
                         personal_email(first, last, rng, dob.year)),
        "worker_dob": dob,
        "worker_address": street_address(rng, state, kind="home", place=home),
        "employer_contact": _person(rng, rng.choice(industry.contact_roles),
                                    phone=contact_phone, domain=employer.email_domain),
    }


def _injury(rng: random.Random, injury_date: dt.date, psych: bool, industry: Industry,
            site: tuple[str, str]) -> tuple[Injury, InjuryPattern, str]:
    patterns = PSYCH if psych else PHYSICAL
    pattern = rng.choices(patterns, weights=[p.weight for p in patterns])[0]
    side = rng.choice(("right", "left"))
    area = rng.choice(industry.areas)
    values = {"side": side, "Side": side.capitalize(), "load": rng.choice(industry.loads),
              "area": area if re.match(r"^\w+ \d", area) else area[0].lower() + area[1:],
              "vehicle": rng.choice(industry.vehicles), "people": rng.choice(industry.people)}
    mechs = [m for m in pattern.mechanisms if not m.startswith("health:")]
    if industry.name == "health":
        mechs += [m[len("health:"):] for m in pattern.mechanisms if m.startswith("health:")]
    mechanism = _fill(rng.choice(mechs), **values)
    place_word = rng.choice(("site", "premises", "workplace", "depot", "store", "office"))
    injury = Injury(
        date=injury_date,
        time=_time(rng),
        body_part=_fill(rng.choice(pattern.body_parts), **values),
        nature=pattern.nature,
        mechanism=mechanism[0].upper() + mechanism[1:],
        location=f"{area}, {site[0]} {place_word}",
        psychological=psych,
        diagnosis=_fill(rng.choice(pattern.diagnoses), **values),
    )
    return injury, pattern, side


def _insurer(rng: random.Random, scheme: Scheme, notification: dt.date) -> tuple[Org, str]:
    name, prefix, pattern = rng.choice(INSURERS[scheme.code])
    state = scheme.state
    phone = hotline(rng)
    address = (po_box(rng, state) if rng.random() < 0.4
               else street_address(rng, state, kind="office", place=CAPITALS[state]))
    insurer = Org(name, address, phone, make_abn(rng), domain_for(name, rng, gov=name == "Comcare"))
    return insurer, _claim_number(rng, prefix, pattern, notification)


def _doctors(rng: random.Random, state: str, home: tuple[str, str], region: str) -> dict:
    gp_place = home if rng.random() < 0.6 else suburb(rng, state)
    practice_name = rng.choice((
        f"{gp_place[0]} Medical Centre", f"{rng.choice(STREETS)} Street Medical Practice",
        f"{rng.choice(ORG_WORDS)} Family Practice", f"{gp_place[0]} Doctors",
        f"{rng.choice(ORG_WORDS)} Medical Group", f"{gp_place[0]} Family Medical"))
    practice = _org(rng, practice_name, state, place=gp_place)
    gp = _person(rng, rng.choice(("General practitioner", "GP", "General Practitioner")),
                 title="Dr", phone=practice.phone, domain=practice.email_domain,
                 qualifications=rng.choice(GP_QUALS), provider=True)
    ed = _person(rng, rng.choice(("Emergency registrar", "Career medical officer", "GP",
                                  "Resident medical officer")),
                 title="Dr", phone=landline(rng, state),
                 qualifications=rng.choice(("MBBS", "MD", "MBBS BSc", "BMed")), provider=True)
    gp2 = _person(rng, "General practitioner", title="Dr", phone=practice.phone,
                  domain=practice.email_domain, qualifications=rng.choice(GP_QUALS),
                  provider=True)
    spec_role, spec_quals = rng.choice(SPECIALISTS[region])
    sp_place = CAPITALS[state] if rng.random() < 0.5 else suburb(rng, state)
    kind_word = "Psychiatry" if region == "psych" else rng.choice(
        ("Orthopaedics", "Specialist Centre", "Specialists"))
    spec_practice = _org(rng, rng.choice((
        f"{rng.choice(ORG_WORDS)} {kind_word}", f"{sp_place[0]} Specialist Centre",
        f"{rng.choice(ORG_WORDS)} Clinic")), state, place=sp_place)
    specialist = _person(rng, spec_role, title=rng.choice(("Dr", "Dr", "Dr", "A/Prof", "Prof")),
                         phone=spec_practice.phone, domain=spec_practice.email_domain,
                         qualifications=spec_quals, provider=True)
    return {"treating_doctor": gp, "practice": practice, "specialist": specialist,
            "specialist_practice": spec_practice, "_others": (ed, gp2, specialist)
            if rng.random() < 0.5 else (gp2, ed, specialist)}


def _allied(rng: random.Random, state: str, psych: bool) -> dict:
    """Physio (a psychologist for psychological claims), IME, rehab, investigator, lawyer."""
    if psych:
        role = rng.choice(("Clinical psychologist", "Psychologist", "Counselling psychologist"))
        quals = rng.choice(("BPsych MPsych(Clin) MAPS", "BA(Hons) MPsych",
                            "BSc(Psych) MClinPsych"))
        org_name = rng.choice((f"{rng.choice(ORG_WORDS)} Psychology",
                               f"{rng.choice(ORG_WORDS)} Psychology & Wellbeing",
                               f"{suburb(rng, state)[0]} Psychology Clinic"))
    else:
        role = rng.choice(("Physiotherapist", "Physiotherapist", "Exercise physiologist"))
        quals = rng.choice(("BAppSc (Physio)", "BPhty", "DPT", "BSc (Physiotherapy)",
                            "BExSc MClinExPhys"))
        org_name = rng.choice((f"{suburb(rng, state)[0]} Physiotherapy",
                               f"{rng.choice(ORG_WORDS)} Physio & Rehab",
                               f"{rng.choice(ORG_WORDS)} Sports Physiotherapy"))
    physio_practice = _org(rng, org_name, state)
    physio = _person(rng, role, title="Dr" if rng.random() < 0.1 else None,
                     phone=physio_practice.phone, domain=physio_practice.email_domain,
                     qualifications=quals, provider=True)

    ime_role, ime_quals = rng.choice(IME_SPECIALTIES["psych" if psych else "_physical"])
    ime_practice = _org(rng, rng.choice((
        f"{rng.choice(ORG_WORDS)} Medico-Legal", "Medico-Legal Assessments Australia",
        f"{rng.choice(ORG_WORDS)} Independent Medical Assessments",
        f"{rng.choice(ORG_WORDS)} IME Services")), state, place=CAPITALS[state])
    ime_examiner = _person(rng, ime_role, title=rng.choice(("Dr", "Dr", "Dr", "A/Prof")),
                           phone=ime_practice.phone, domain=ime_practice.email_domain,
                           qualifications=ime_quals, provider=True)

    word = rng.choice(ORG_WORDS)
    rehab_provider = _org(rng, rng.choice((
        f"{word} Rehab Services", f"{word} Workplace Rehabilitation",
        f"{word} Return to Work Solutions", f"{word} Injury Management")), state)
    rehab_consultant = _person(
        rng, rng.choice(("Rehabilitation consultant", "Workplace rehabilitation consultant",
                         "Injury management consultant")),
        phone=rehab_provider.phone, domain=rehab_provider.email_domain,
        qualifications=rng.choice(("B.OccThy", "BPhysio", "BPsych", "BExSc", "BSW",
                                   "B.Rehab Counselling")))

    word = rng.choice(ORG_WORDS)
    investigation_firm = _org(rng, rng.choice((
        f"{word} Investigations", f"{word} Claims Investigation Services",
        f"{word} Risk & Investigations")), state)
    investigator = _person(rng, rng.choice(("Licensed investigator", "Senior investigator",
                                            "Factual investigator")),
                           phone=mobile(rng), domain=investigation_firm.email_domain)

    partner1 = rng.choice(NAMES["anglo"][2] + NAMES["italian"][2] + NAMES["greek"][2]
                          + NAMES["chinese"][2] + NAMES["lebanese"][2])
    partner2 = rng.choice(NAMES["anglo"][2] + NAMES["indian"][2])
    law_firm = _org(rng, rng.choice((f"{partner1} & {partner2} Lawyers", f"{partner1} Legal",
                                     f"{rng.choice(ORG_WORDS)} Compensation Lawyers",
                                     f"{partner1} {partner2} Solicitors")), state,
                    place=CAPITALS[state] if rng.random() < 0.6 else None)
    solicitor = _person(rng, rng.choice(("Solicitor", "Senior associate", "Principal solicitor",
                                         "Accredited specialist (personal injury)")),
                        phone=law_firm.phone, domain=law_firm.email_domain)
    return {"physio": physio, "physio_practice": physio_practice,
            "ime_examiner": ime_examiner, "ime_practice": ime_practice,
            "rehab_consultant": rehab_consultant, "rehab_provider": rehab_provider,
            "investigator": investigator, "investigation_firm": investigation_firm,
            "solicitor": solicitor, "law_firm": law_firm}


def _case_managers(rng: random.Random, n: int, notification: dt.date, horizon: dt.date,
                   insurer: Org, state: str) -> tuple[CaseManagerStint, ...]:
    if n > 1 and (horizon - notification).days < 14 * n + 14:
        horizon = notification + (14 * n + 30) * DAY
    span = (horizon - notification).days
    starts = [notification]
    for k in range(1, n):
        lo = (starts[-1] - notification).days + 14
        hi = max(lo, span * k // n + 14)
        starts.append(notification + rng.randint(lo, hi) * DAY)
    titles = ("Case manager", "Claims specialist", "Senior case manager",
              "Injury management advisor", "Claims consultant", "Case manager")
    people: list[Person] = []
    while len(people) < n:
        phone = insurer.phone if rng.random() < 0.6 else landline(rng, state)
        p = _person(rng, rng.choice(titles), phone=phone, domain=insurer.email_domain)
        if all(p.name != q.name for q in people):
            people.append(p)
    return tuple(CaseManagerStint(p, d) for p, d in zip(people, starts, strict=True))


def make_story(rng: random.Random, scheme_code: str | None = None, *,
               n_case_managers: int | None = None,
               psychological: bool | None = None) -> ClaimStory:
    """A random, internally consistent claim story.

    ``scheme_code`` fixes the scheme (one of :data:`SCHEME_CODES`); ``n_case_managers``
    (1-3) and ``psychological`` force those aspects (useful for balanced corpora).
    """
    code = scheme_code or rng.choices(SCHEME_CODES, weights=_SCHEME_WEIGHTS)[0]
    if code not in SCHEMES:
        raise ValueError(f"unknown scheme {code!r}")
    scheme = SCHEMES[code]
    state = scheme.state
    if code == "COMCARE":  # Commonwealth employees work anywhere in Australia
        state = rng.choices(("ACT", "NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT"),
                            weights=(35, 20, 15, 12, 6, 6, 3, 3))[0]
    psych = (rng.random() < 0.2) if psychological is None else psychological

    first_day, last_day = dt.date(2021, 1, 1), dt.date(2025, 12, 31)
    injury_date = first_day + rng.randint(0, (last_day - first_day).days) * DAY
    delay = rng.choices(range(11), weights=(8, 14, 12, 10, 8, 6, 5, 4, 3, 2, 2))[0]
    if psych and rng.random() < 0.3:
        delay = rng.randint(3, 10)
    notification = injury_date + delay * DAY
    claim_lodged = notification + rng.choices((0, 1, 2, 3, 5, 7, 10, 14, 21),
                                              weights=(6, 8, 8, 7, 6, 5, 4, 3, 2))[0] * DAY

    parts = _employer_and_worker(rng, code, state, injury_date)
    industry, site, home = parts.pop("industry"), parts.pop("site"), parts.pop("home")
    injury, pattern, side = _injury(rng, injury_date, psych, industry, site)
    insurer, claim_number = _insurer(rng, scheme, notification)
    doctors = _doctors(rng, state, home, pattern.region)
    others = doctors.pop("_others")
    allied = _allied(rng, state, psych)

    certs = _certificates(rng, injury_date, pattern.severity, pattern.region, side,
                          doctors["treating_doctor"], others, parts["ordinary_hours"])
    decisions = _decisions(rng, notification, psych, parts["piawe"], certs, code)
    if n_case_managers is None:
        n_case_managers = rng.choices((1, 2, 3), weights=(50, 35, 15))[0]
    horizon = max(certs[-1].date_to, decisions[-1].date) + 30 * DAY
    case_managers = _case_managers(rng, n_case_managers, notification, horizon, insurer,
                                   scheme.state)

    return ClaimStory(
        claim_number=claim_number,
        scheme=scheme,
        insurer=insurer,
        injury=injury,
        notification_date=notification,
        claim_lodged=claim_lodged,
        case_managers=case_managers,
        certificates=certs,
        decisions=decisions,
        **parts,
        **doctors,
        **allied,
    )


def injury_severity(story: ClaimStory) -> str:
    """``minor`` / ``moderate`` / ``severe`` / ``psych``, inferred from the story."""
    if story.injury.psychological:
        return "psych"
    days = (story.certificates[-1].date_to - story.certificates[0].date_from).days + 1
    if days <= 35:
        return "minor"
    return "moderate" if days <= 100 else "severe"


def significant_injury(story: ClaimStory) -> bool:
    """True when the worker loses more than a week or the claim is psychological / long."""
    if story.injury.psychological:
        return True
    none_days = sum((c.date_to - c.date_from).days + 1 for c in story.certificates
                    if c.capacity == "none")
    total = (story.certificates[-1].date_to - story.certificates[0].date_from).days + 1
    return none_days > 7 or total > 28


def claim_end(story: ClaimStory) -> dt.date:
    """A plausible last date for documents on the file."""
    last = max(story.certificates[-1].date_to, story.decisions[-1].date,
               story.case_managers[-1].start)
    return last + 21 * DAY


__all__ = [
    "SCHEMES",
    "SCHEME_CODES",
    "claim_end",
    "injury_severity",
    "make_abn",
    "make_provider_number",
    "make_story",
    "random_name",
    "significant_injury",
    "valid_abn",
]
